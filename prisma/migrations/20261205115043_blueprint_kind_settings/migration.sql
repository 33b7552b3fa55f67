-- AlterEnum
ALTER TYPE "BlueprintKind" ADD VALUE 'settings';

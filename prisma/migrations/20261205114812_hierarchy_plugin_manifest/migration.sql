-- AlterTable
ALTER TABLE "blueprint_hierarchies" ADD COLUMN     "plugin_manifest" JSONB;

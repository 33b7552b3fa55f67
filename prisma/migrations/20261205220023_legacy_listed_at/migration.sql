-- AlterTable
ALTER TABLE "remote_blueprints" ADD COLUMN     "listed_at" TIMESTAMPTZ(3);

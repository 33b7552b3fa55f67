-- AlterTable
ALTER TABLE "remote_blueprints" ADD COLUMN     "scan_findings" JSONB;

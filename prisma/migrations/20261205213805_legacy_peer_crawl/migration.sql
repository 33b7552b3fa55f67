-- AlterTable
ALTER TABLE "crawl_runs" ADD COLUMN     "fetches" JSONB NOT NULL DEFAULT '{}';

-- AlterTable
ALTER TABLE "remote_blueprints" DROP COLUMN "missing_since",
ADD COLUMN     "checked_at" TIMESTAMPTZ(3),
ADD COLUMN     "listing_fingerprint" TEXT,
ALTER COLUMN "description" DROP NOT NULL,
ALTER COLUMN "description" DROP DEFAULT;

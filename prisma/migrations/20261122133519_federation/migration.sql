-- CreateEnum
CREATE TYPE "PeerStatus" AS ENUM ('pending', 'verified', 'failing', 'suspended', 'blocked');

-- CreateEnum
CREATE TYPE "DomainRuleAction" AS ENUM ('block', 'silence', 'allow');

-- DropIndex
DROP INDEX "blueprints_updated_at_idx";

-- AlterTable
ALTER TABLE "blueprints" ADD COLUMN     "forked_from_remote_id" TEXT,
ADD COLUMN     "forked_from_url" TEXT;

-- CreateTable
CREATE TABLE "blueprint_tombstones" (
    "id" TEXT NOT NULL,
    "deleted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "blueprint_tombstones_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_keys" (
    "id" TEXT NOT NULL,
    "public_key" TEXT NOT NULL,
    "private_key_encrypted" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retired_at" TIMESTAMPTZ(3),

    CONSTRAINT "instance_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "peers" (
    "id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "base_url" TEXT NOT NULL,
    "status" "PeerStatus" NOT NULL DEFAULT 'pending',
    "source" TEXT NOT NULL,
    "name" TEXT,
    "software_name" TEXT,
    "version" TEXT,
    "protocol" TEXT,
    "signed" BOOLEAN NOT NULL DEFAULT false,
    "public_key" TEXT,
    "pending_public_key" TEXT,
    "key_changed_at" TIMESTAMPTZ(3),
    "manifest" JSONB,
    "manifest_fetched_at" TIMESTAMPTZ(3),
    "advertised_count" INTEGER,
    "blueprint_count" INTEGER NOT NULL DEFAULT 0,
    "cursor" TEXT,
    "cursor_etag" TEXT,
    "last_crawl_at" TIMESTAMPTZ(3),
    "last_success_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "failing_since" TIMESTAMPTZ(3),
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "next_crawl_at" TIMESTAMPTZ(3),
    "registered_at" TIMESTAMPTZ(3),
    "last_seen_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "peers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "domain_rules" (
    "id" UUID NOT NULL,
    "domain" TEXT NOT NULL,
    "action" "DomainRuleAction" NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "created_by" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "domain_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "federation_settings" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "allowlist_mode" BOOLEAN NOT NULL DEFAULT false,
    "accept_registrations" BOOLEAN NOT NULL DEFAULT true,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "federation_settings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "crawl_runs" (
    "id" UUID NOT NULL,
    "peer_id" UUID NOT NULL,
    "trigger" TEXT NOT NULL,
    "outcome" TEXT NOT NULL DEFAULT 'running',
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "requests" INTEGER NOT NULL DEFAULT 0,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "added" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "removed" INTEGER NOT NULL DEFAULT 0,
    "bytes" INTEGER NOT NULL DEFAULT 0,
    "errors" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "crawl_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "remote_blueprints" (
    "id" TEXT NOT NULL,
    "peer_id" UUID NOT NULL,
    "remote_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "BlueprintKind" NOT NULL,
    "format" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "category" TEXT,
    "tags" TEXT[],
    "license" TEXT NOT NULL,
    "author_handle" TEXT,
    "author_name" TEXT NOT NULL,
    "remote_version" INTEGER,
    "content" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "canonical_url" TEXT NOT NULL,
    "raw_url" TEXT,
    "favorite_count" INTEGER NOT NULL DEFAULT 0,
    "download_count" INTEGER NOT NULL DEFAULT 0,
    "findings" INTEGER NOT NULL DEFAULT 0,
    "remote_created_at" TIMESTAMPTZ(3) NOT NULL,
    "remote_updated_at" TIMESTAMPTZ(3) NOT NULL,
    "fetched_at" TIMESTAMPTZ(3) NOT NULL,
    "missing_since" TIMESTAMPTZ(3),
    "hidden_at" TIMESTAMPTZ(3),
    "hidden_by" UUID,
    "listed" BOOLEAN NOT NULL DEFAULT true,
    "meta_vector" tsvector,
    "content_vector" tsvector,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "remote_blueprints_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "blueprint_tombstones_deleted_at_id_idx" ON "blueprint_tombstones"("deleted_at", "id");

-- CreateIndex
CREATE UNIQUE INDEX "peers_domain_key" ON "peers"("domain");

-- CreateIndex
CREATE INDEX "peers_status_next_crawl_at_idx" ON "peers"("status", "next_crawl_at");

-- CreateIndex
CREATE UNIQUE INDEX "domain_rules_domain_key" ON "domain_rules"("domain");

-- CreateIndex
CREATE INDEX "crawl_runs_peer_id_started_at_idx" ON "crawl_runs"("peer_id", "started_at" DESC);

-- CreateIndex
CREATE INDEX "remote_blueprints_meta_vector_idx" ON "remote_blueprints" USING GIN ("meta_vector");

-- CreateIndex
CREATE INDEX "remote_blueprints_content_vector_idx" ON "remote_blueprints" USING GIN ("content_vector");

-- CreateIndex
CREATE INDEX "remote_blueprints_name_trgm_idx" ON "remote_blueprints" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "remote_blueprints_listed_remote_created_at_id_idx" ON "remote_blueprints"("listed", "remote_created_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "remote_blueprints_listed_download_count_id_idx" ON "remote_blueprints"("listed", "download_count" DESC, "id" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "remote_blueprints_peer_id_remote_id_key" ON "remote_blueprints"("peer_id", "remote_id");

-- CreateIndex
CREATE INDEX "blueprints_updated_at_id_idx" ON "blueprints"("updated_at", "id");

-- AddForeignKey
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_forked_from_remote_id_fkey" FOREIGN KEY ("forked_from_remote_id") REFERENCES "remote_blueprints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "crawl_runs" ADD CONSTRAINT "crawl_runs_peer_id_fkey" FOREIGN KEY ("peer_id") REFERENCES "peers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "remote_blueprints" ADD CONSTRAINT "remote_blueprints_peer_id_fkey" FOREIGN KEY ("peer_id") REFERENCES "peers"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the search vectors of remote blueprints, derived as for local ones (same weights), so one query
-- shape ranks both.
CREATE FUNCTION remote_blueprints_derive_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT'
     OR NEW.name IS DISTINCT FROM OLD.name
     OR NEW.tags IS DISTINCT FROM OLD.tags
     OR NEW.description IS DISTINCT FROM OLD.description THEN
    NEW.meta_vector :=
      setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
      setweight(to_tsvector('english', array_to_string(coalesce(NEW.tags, '{}'), ' ')), 'B') ||
      setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
  END IF;
  IF TG_OP = 'INSERT' OR NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
    NEW.content_vector := setweight(to_tsvector('english', coalesce(NEW.content, '')), 'D');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER remote_blueprints_derive_vectors
  BEFORE INSERT OR UPDATE ON remote_blueprints
  FOR EACH ROW EXECUTE FUNCTION remote_blueprints_derive_vectors();

-- Hand-written: the settings row always exists, so reads never race to create it.
INSERT INTO federation_settings (id, allowlist_mode, accept_registrations, updated_at) VALUES (1, false, true, now());

-- Hand-written: a published blueprint removed outright (its owner's account deleted, which cascades) leaves a
-- tombstone, so the federation change feed still tells peers to delete their copies.
CREATE FUNCTION blueprints_record_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.first_published_at IS NOT NULL THEN
    INSERT INTO blueprint_tombstones (id, deleted_at) VALUES (OLD.id, clock_timestamp())
      ON CONFLICT (id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at;
  END IF;
  RETURN OLD;
END
$$;

CREATE TRIGGER blueprints_record_tombstone
  AFTER DELETE ON blueprints
  FOR EACH ROW EXECUTE FUNCTION blueprints_record_tombstone();

-- Hand-written: a published blueprint's author name and handle are part of what peers copy, so renaming an account
-- moves its published blueprints to the end of the federation change feed.
CREATE FUNCTION users_touch_published_blueprints() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE blueprints SET updated_at = clock_timestamp()
   WHERE owner_id = NEW.id AND first_published_at IS NOT NULL;
  RETURN NEW;
END
$$;

CREATE TRIGGER users_touch_published_blueprints
  AFTER UPDATE OF display_name, handle ON users
  FOR EACH ROW WHEN (OLD.display_name IS DISTINCT FROM NEW.display_name OR OLD.handle IS DISTINCT FROM NEW.handle)
  EXECUTE FUNCTION users_touch_published_blueprints();

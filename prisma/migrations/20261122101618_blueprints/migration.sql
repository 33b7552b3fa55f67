-- Hand-written: trigram matching for typo-tolerant name search (the GIN index below needs it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "BlueprintKind" AS ENUM ('rules', 'command', 'skill', 'agent', 'mcp-config');

-- CreateEnum
CREATE TYPE "BlueprintVisibility" AS ENUM ('private', 'unlisted', 'public', 'team');

-- CreateTable
CREATE TABLE "blueprints" (
    "id" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "BlueprintKind" NOT NULL,
    "format" TEXT NOT NULL,
    "tool" TEXT NOT NULL,
    "category" TEXT,
    "tags" TEXT[],
    "license" TEXT NOT NULL,
    "visibility" "BlueprintVisibility" NOT NULL DEFAULT 'private',
    "listed" BOOLEAN NOT NULL DEFAULT false,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "head_version" INTEGER NOT NULL,
    "head_content_hash" TEXT NOT NULL,
    "published_version" INTEGER,
    "published_hash" TEXT,
    "first_published_at" TIMESTAMPTZ(3),
    "favorite_count" INTEGER NOT NULL DEFAULT 0,
    "download_count" INTEGER NOT NULL DEFAULT 0,
    "trending_score" INTEGER NOT NULL DEFAULT 0,
    "forked_from_id" TEXT,
    "hierarchy_id" TEXT,
    "repository_path" TEXT,
    "parent_id" TEXT,
    "published_findings" INTEGER NOT NULL DEFAULT 0,
    "meta_vector" tsvector,
    "content_vector" tsvector,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "deleted_at" TIMESTAMPTZ(3),

    CONSTRAINT "blueprints_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blueprint_versions" (
    "id" UUID NOT NULL,
    "blueprint_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "content_hash" TEXT NOT NULL,
    "size_bytes" INTEGER NOT NULL,
    "format" TEXT NOT NULL,
    "author_id" UUID,
    "changelog" TEXT NOT NULL DEFAULT '',
    "restored_from" INTEGER,
    "findings" JSONB NOT NULL DEFAULT '[]',
    "published_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blueprint_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "blueprint_favorites" (
    "user_id" UUID NOT NULL,
    "blueprint_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blueprint_favorites_pkey" PRIMARY KEY ("user_id","blueprint_id")
);

-- CreateTable
CREATE TABLE "blueprint_downloads" (
    "blueprint_id" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "visitor" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "blueprint_downloads_pkey" PRIMARY KEY ("blueprint_id","day","visitor")
);

-- CreateTable
CREATE TABLE "saved_variables" (
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "value_encrypted" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "saved_variables_pkey" PRIMARY KEY ("user_id","name")
);

-- CreateTable
CREATE TABLE "blueprint_hierarchies" (
    "id" TEXT NOT NULL,
    "owner_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "blueprint_hierarchies_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "blueprints_meta_vector_idx" ON "blueprints" USING GIN ("meta_vector");

-- CreateIndex
CREATE INDEX "blueprints_content_vector_idx" ON "blueprints" USING GIN ("content_vector");

-- CreateIndex
CREATE INDEX "blueprints_name_trgm_idx" ON "blueprints" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "blueprints_listed_first_published_at_id_idx" ON "blueprints"("listed", "first_published_at" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "blueprints_listed_favorite_count_id_idx" ON "blueprints"("listed", "favorite_count" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "blueprints_listed_download_count_id_idx" ON "blueprints"("listed", "download_count" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "blueprints_listed_trending_score_id_idx" ON "blueprints"("listed", "trending_score" DESC, "id" DESC);

-- CreateIndex
CREATE INDEX "blueprints_owner_id_updated_at_idx" ON "blueprints"("owner_id", "updated_at" DESC);

-- CreateIndex
CREATE INDEX "blueprints_tags_idx" ON "blueprints" USING GIN ("tags");

-- CreateIndex
CREATE INDEX "blueprints_updated_at_idx" ON "blueprints"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "blueprints_owner_id_slug_key" ON "blueprints"("owner_id", "slug");

-- CreateIndex
CREATE UNIQUE INDEX "blueprints_hierarchy_id_repository_path_key" ON "blueprints"("hierarchy_id", "repository_path");

-- CreateIndex
CREATE UNIQUE INDEX "blueprint_versions_blueprint_id_number_key" ON "blueprint_versions"("blueprint_id", "number");

-- CreateIndex
CREATE INDEX "blueprint_favorites_blueprint_id_created_at_idx" ON "blueprint_favorites"("blueprint_id", "created_at");

-- CreateIndex
CREATE INDEX "blueprint_downloads_day_idx" ON "blueprint_downloads"("day");

-- CreateIndex
CREATE INDEX "blueprint_hierarchies_owner_id_idx" ON "blueprint_hierarchies"("owner_id");

-- AddForeignKey
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_forked_from_id_fkey" FOREIGN KEY ("forked_from_id") REFERENCES "blueprints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_hierarchy_id_fkey" FOREIGN KEY ("hierarchy_id") REFERENCES "blueprint_hierarchies"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "blueprints"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprint_versions" ADD CONSTRAINT "blueprint_versions_blueprint_id_fkey" FOREIGN KEY ("blueprint_id") REFERENCES "blueprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprint_versions" ADD CONSTRAINT "blueprint_versions_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprint_favorites" ADD CONSTRAINT "blueprint_favorites_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprint_favorites" ADD CONSTRAINT "blueprint_favorites_blueprint_id_fkey" FOREIGN KEY ("blueprint_id") REFERENCES "blueprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprint_downloads" ADD CONSTRAINT "blueprint_downloads_blueprint_id_fkey" FOREIGN KEY ("blueprint_id") REFERENCES "blueprints"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_variables" ADD CONSTRAINT "saved_variables_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprint_hierarchies" ADD CONSTRAINT "blueprint_hierarchies_owner_id_fkey" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: `listed` and the search vectors are derived here, in one place, so no write path can forget them.
-- Two vectors on purpose: the metadata one (name A, tags B, description C) is small and stays inline, so ranking reads
-- it cheaply; the content one (D) is large and stored out of line, and is only ever probed through its GIN index or a
-- bounded popularity scan. Drafts are never indexed.
CREATE FUNCTION blueprints_derive_listing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  published_content text;
BEGIN
  NEW.listed := NEW.visibility = 'public' AND NEW.published_version IS NOT NULL AND NEW.deleted_at IS NULL;
  IF TG_OP = 'INSERT'
     OR NEW.name IS DISTINCT FROM OLD.name
     OR NEW.tags IS DISTINCT FROM OLD.tags
     OR NEW.description IS DISTINCT FROM OLD.description THEN
    NEW.meta_vector :=
      setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A') ||
      setweight(to_tsvector('english', array_to_string(coalesce(NEW.tags, '{}'), ' ')), 'B') ||
      setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
  END IF;
  IF TG_OP = 'INSERT'
     OR NEW.published_version IS DISTINCT FROM OLD.published_version
     OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at THEN
    IF NEW.published_version IS NOT NULL AND NEW.deleted_at IS NULL THEN
      SELECT v.content INTO published_content
        FROM blueprint_versions v
       WHERE v.blueprint_id = NEW.id AND v.number = NEW.published_version;
    END IF;
    NEW.content_vector := setweight(to_tsvector('english', coalesce(published_content, '')), 'D');
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER blueprints_derive_listing
  BEFORE INSERT OR UPDATE ON blueprints
  FOR EACH ROW EXECUTE FUNCTION blueprints_derive_listing();

-- Hand-written: a version is immutable once written; only its publication time may change.
CREATE FUNCTION blueprint_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.blueprint_id IS DISTINCT FROM OLD.blueprint_id
     OR NEW.number IS DISTINCT FROM OLD.number
     OR NEW.content IS DISTINCT FROM OLD.content
     OR NEW.content_hash IS DISTINCT FROM OLD.content_hash
     OR NEW.format IS DISTINCT FROM OLD.format
     OR NEW.changelog IS DISTINCT FROM OLD.changelog
     OR NEW.findings IS DISTINCT FROM OLD.findings
     OR NEW.created_at IS DISTINCT FROM OLD.created_at THEN
    RAISE EXCEPTION 'blueprint versions are immutable' USING ERRCODE = 'LP002';
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER blueprint_versions_immutable
  BEFORE UPDATE ON blueprint_versions
  FOR EACH ROW EXECUTE FUNCTION blueprint_versions_immutable();

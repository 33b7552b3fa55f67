-- AlterTable
ALTER TABLE "blueprints" ADD COLUMN     "name_tags_vector" tsvector,
ADD COLUMN     "name_vector" tsvector;

-- AlterTable
ALTER TABLE "remote_blueprints" ADD COLUMN     "name_tags_vector" tsvector,
ADD COLUMN     "name_vector" tsvector;

-- Hand-written: the triggers derive the two new vectors with the others, and existing rows are filled in before the
-- indexes are built. A tier then matches through its own vector's GIN index; with weights in one vector, the index
-- returned every row holding the word anywhere in the metadata and each was rechecked for its weight.
CREATE OR REPLACE FUNCTION blueprints_derive_listing() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  published_content text;
BEGIN
  NEW.listed := NEW.visibility = 'public' AND NEW.published_version IS NOT NULL AND NEW.deleted_at IS NULL;
  IF TG_OP = 'INSERT'
     OR NEW.name IS DISTINCT FROM OLD.name
     OR NEW.tags IS DISTINCT FROM OLD.tags
     OR NEW.description IS DISTINCT FROM OLD.description THEN
    NEW.name_vector := setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A');
    NEW.name_tags_vector :=
      NEW.name_vector || setweight(to_tsvector('english', array_to_string(coalesce(NEW.tags, '{}'), ' ')), 'B');
    NEW.meta_vector := NEW.name_tags_vector || setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
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

CREATE OR REPLACE FUNCTION remote_blueprints_derive_vectors() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT'
     OR NEW.name IS DISTINCT FROM OLD.name
     OR NEW.tags IS DISTINCT FROM OLD.tags
     OR NEW.description IS DISTINCT FROM OLD.description THEN
    NEW.name_vector := setweight(to_tsvector('english', coalesce(NEW.name, '')), 'A');
    NEW.name_tags_vector :=
      NEW.name_vector || setweight(to_tsvector('english', array_to_string(coalesce(NEW.tags, '{}'), ' ')), 'B');
    NEW.meta_vector := NEW.name_tags_vector || setweight(to_tsvector('english', coalesce(NEW.description, '')), 'C');
  END IF;
  IF TG_OP = 'INSERT' OR NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
    NEW.content_vector := setweight(to_tsvector('english', coalesce(NEW.content, '')), 'D');
  END IF;
  RETURN NEW;
END
$$;

-- The triggers leave these alone (name, tags and description are unchanged), so nothing else is recomputed.
UPDATE blueprints SET
  name_vector = setweight(to_tsvector('english', coalesce(name, '')), 'A'),
  name_tags_vector = setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english', array_to_string(coalesce(tags, '{}'), ' ')), 'B');
UPDATE remote_blueprints SET
  name_vector = setweight(to_tsvector('english', coalesce(name, '')), 'A'),
  name_tags_vector = setweight(to_tsvector('english', coalesce(name, '')), 'A') ||
    setweight(to_tsvector('english', array_to_string(coalesce(tags, '{}'), ' ')), 'B');

-- CreateTable
CREATE TABLE "search_statistics" (
    "side" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "docs" INTEGER NOT NULL,

    CONSTRAINT "search_statistics_pkey" PRIMARY KEY ("value","field","side")
);

-- CreateTable
CREATE TABLE "search_vocabulary" (
    "word" TEXT NOT NULL,
    "docs" INTEGER NOT NULL,

    CONSTRAINT "search_vocabulary_pkey" PRIMARY KEY ("word")
);

-- CreateIndex
CREATE INDEX "search_vocabulary_word_trgm_idx" ON "search_vocabulary" USING GIN ("word" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "blueprints_name_vector_idx" ON "blueprints" USING GIN ("name_vector");

-- CreateIndex
CREATE INDEX "blueprints_name_tags_vector_idx" ON "blueprints" USING GIN ("name_tags_vector");

-- CreateIndex
CREATE INDEX "blueprints_tool_idx" ON "blueprints"("tool");

-- CreateIndex
CREATE INDEX "blueprints_kind_idx" ON "blueprints"("kind");

-- CreateIndex
CREATE INDEX "remote_blueprints_name_vector_idx" ON "remote_blueprints" USING GIN ("name_vector");

-- CreateIndex
CREATE INDEX "remote_blueprints_name_tags_vector_idx" ON "remote_blueprints" USING GIN ("name_tags_vector");

-- Hand-written: the planner's statistics for the new vectors, and for the rows the backfill rewrote, now rather than
-- whenever autovacuum next comes by.
ANALYZE blueprints;
ANALYZE remote_blueprints;

-- AlterTable
ALTER TABLE "blueprints" ADD COLUMN     "first_listed_at" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "peers" ADD COLUMN     "last_error_details" JSONB;

-- Hand-written from here. What is listed now was listed. For blueprints published but not listed now, history does
-- not say whether they ever were: they are not assumed to have been (revealing a private id is worse than a stale
-- copy on a peer).
UPDATE blueprints SET first_listed_at = coalesce(first_published_at, updated_at) WHERE listed;

-- The federation feed may name (as a tombstone) only ids peers could have known, those that were listed.
-- `first_listed_at` records that fact. It is kept by its own trigger, which PostgreSQL fires after
-- blueprints_derive_listing (triggers of one kind fire in name order), so NEW.listed is already derived here. Once
-- set it never changes, whatever a write asks.
CREATE FUNCTION blueprints_keep_first_listed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.first_listed_at IS NOT NULL THEN
    NEW.first_listed_at := OLD.first_listed_at;
  ELSIF NEW.listed THEN
    NEW.first_listed_at := clock_timestamp();
  ELSE
    NEW.first_listed_at := NULL;
  END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER blueprints_keep_first_listed
  BEFORE INSERT OR UPDATE ON blueprints
  FOR EACH ROW EXECUTE FUNCTION blueprints_keep_first_listed();

-- A blueprint removed outright leaves a tombstone only when peers could have held it.
CREATE OR REPLACE FUNCTION blueprints_record_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.first_listed_at IS NOT NULL THEN
    INSERT INTO blueprint_tombstones (id, deleted_at) VALUES (OLD.id, clock_timestamp())
      ON CONFLICT (id) DO UPDATE SET deleted_at = EXCLUDED.deleted_at;
  END IF;
  RETURN OLD;
END
$$;

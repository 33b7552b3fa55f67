-- CreateEnum
CREATE TYPE "OrganizationRole" AS ENUM ('owner', 'admin', 'member', 'viewer');

-- AlterTable
ALTER TABLE "users" ADD COLUMN     "bio" TEXT NOT NULL DEFAULT '';

-- AlterTable
ALTER TABLE "api_tokens" ADD COLUMN     "created_by_id" UUID,
ADD COLUMN     "organization_id" UUID,
ALTER COLUMN "user_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "audit_events" ADD COLUMN     "organization_id" UUID;

-- AlterTable
ALTER TABLE "blueprints" ADD COLUMN     "organization_id" UUID,
ALTER COLUMN "owner_id" DROP NOT NULL;

-- AlterTable
ALTER TABLE "blueprint_hierarchies" ADD COLUMN     "organization_id" UUID,
ALTER COLUMN "owner_id" DROP NOT NULL;

-- CreateTable
CREATE TABLE "organizations" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "avatar_url" TEXT,
    "website_url" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "organizations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "organization_members" (
    "organization_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "role" "OrganizationRole" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_members_pkey" PRIMARY KEY ("organization_id","user_id")
);

-- CreateTable
CREATE TABLE "organization_invitations" (
    "id" UUID NOT NULL,
    "organization_id" UUID NOT NULL,
    "email" TEXT NOT NULL,
    "role" "OrganizationRole" NOT NULL,
    "token_hash" TEXT NOT NULL,
    "invited_by_id" UUID,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "accepted_at" TIMESTAMPTZ(3),
    "accepted_by_id" UUID,
    "revoked_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_invitations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organizations_slug_key" ON "organizations"("slug");

-- CreateIndex
CREATE INDEX "organization_members_user_id_idx" ON "organization_members"("user_id");

-- CreateIndex
CREATE UNIQUE INDEX "organization_invitations_token_hash_key" ON "organization_invitations"("token_hash");

-- CreateIndex
CREATE INDEX "organization_invitations_organization_id_created_at_idx" ON "organization_invitations"("organization_id", "created_at");

-- CreateIndex
CREATE INDEX "organization_invitations_email_idx" ON "organization_invitations"("email");

-- CreateIndex
CREATE INDEX "api_tokens_organization_id_idx" ON "api_tokens"("organization_id");

-- CreateIndex
CREATE INDEX "audit_events_organization_id_occurred_at_idx" ON "audit_events"("organization_id", "occurred_at");

-- CreateIndex
CREATE INDEX "blueprints_organization_id_updated_at_idx" ON "blueprints"("organization_id", "updated_at" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "blueprints_organization_id_slug_key" ON "blueprints"("organization_id", "slug");

-- CreateIndex
CREATE INDEX "blueprint_hierarchies_organization_id_idx" ON "blueprint_hierarchies"("organization_id");

-- AddForeignKey
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "blueprint_hierarchies" ADD CONSTRAINT "blueprint_hierarchies_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_organization_id_fkey" FOREIGN KEY ("organization_id") REFERENCES "organizations"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: rules the database keeps, whatever the application does.

-- A blueprint, a hierarchy and an API token each belong to exactly one user or one organization.
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_one_owner" CHECK (num_nonnulls("owner_id", "organization_id") = 1);
ALTER TABLE "blueprint_hierarchies" ADD CONSTRAINT "blueprint_hierarchies_one_owner"
  CHECK (num_nonnulls("owner_id", "organization_id") = 1);
ALTER TABLE "api_tokens" ADD CONSTRAINT "api_tokens_one_holder" CHECK (num_nonnulls("user_id", "organization_id") = 1);
-- Only an organization's blueprints may be `team`.
ALTER TABLE "blueprints" ADD CONSTRAINT "blueprints_team_needs_organization"
  CHECK ("visibility" <> 'team' OR "organization_id" IS NOT NULL);

-- Organization slugs and user handles share one namespace (/@name). The advisory lock serialises two transactions
-- claiming the same name in the two tables, which no unique index can do.
CREATE FUNCTION account_names_claim(claimed text, in_table text) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('account-name:' || lower(claimed), 0));
  IF in_table = 'users' AND EXISTS (SELECT 1 FROM organizations WHERE lower(slug) = lower(claimed)) THEN
    RAISE EXCEPTION 'the name % is taken by an organization', claimed
      USING ERRCODE = '23505', CONSTRAINT = 'account_names_handle_key';
  END IF;
  IF in_table = 'organizations' AND EXISTS (SELECT 1 FROM users WHERE lower(handle) = lower(claimed)) THEN
    RAISE EXCEPTION 'the name % is taken by a user', claimed
      USING ERRCODE = '23505', CONSTRAINT = 'account_names_slug_key';
  END IF;
END $$;

CREATE FUNCTION users_claim_handle() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.handle IS DISTINCT FROM OLD.handle THEN
    PERFORM account_names_claim(NEW.handle, 'users');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER users_claim_handle BEFORE INSERT OR UPDATE OF handle ON users
  FOR EACH ROW EXECUTE FUNCTION users_claim_handle();

CREATE FUNCTION organizations_claim_slug() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.slug IS DISTINCT FROM OLD.slug THEN
    PERFORM account_names_claim(NEW.slug, 'organizations');
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER organizations_claim_slug BEFORE INSERT OR UPDATE OF slug ON organizations
  FOR EACH ROW EXECUTE FUNCTION organizations_claim_slug();

-- Every organization keeps at least one owner. Checked at commit (so a transfer may promote, then demote), under a
-- per-organization advisory lock, so two owners demoting each other at once cannot both succeed. An organization
-- being deleted takes its members with it and is exempt.
CREATE FUNCTION organization_members_keep_owner() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended('organization-owners:' || OLD.organization_id::text, 0));
  IF EXISTS (SELECT 1 FROM organizations WHERE id = OLD.organization_id)
     AND NOT EXISTS (SELECT 1 FROM organization_members WHERE organization_id = OLD.organization_id AND role = 'owner')
  THEN
    RAISE EXCEPTION 'an organization must keep at least one owner'
      USING ERRCODE = '23514', CONSTRAINT = 'organization_members_last_owner';
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER organization_members_keep_owner AFTER UPDATE OR DELETE ON organization_members
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.role = 'owner') EXECUTE FUNCTION organization_members_keep_owner();

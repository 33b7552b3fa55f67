-- AlterTable
ALTER TABLE "blueprint_versions" ADD COLUMN     "acknowledged_findings" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "withheld_at" TIMESTAMPTZ(3),
ADD COLUMN     "withheld_reason" TEXT;

-- Hand-written: until now every once-published version was readable by others, whatever it held. Withhold the ones
-- (other than the current published version, which passed the policy when it was published) whose stored findings
-- name a possible secret; the next visibility change or publish rechecks them all with a fresh scan.
UPDATE "blueprint_versions" AS v
   SET "withheld_at" = now(),
       "withheld_reason" = CASE
         WHEN EXISTS (SELECT 1 FROM jsonb_array_elements(v."findings") AS f
                       WHERE f->>'category' = 'secret' AND f->>'confidence' = 'high') THEN 'SECRET_DETECTED'
         ELSE 'FINDINGS_NOT_ACKNOWLEDGED'
       END
  FROM "blueprints" AS b
 WHERE b."id" = v."blueprint_id"
   AND v."published_at" IS NOT NULL
   AND v."number" IS DISTINCT FROM b."published_version"
   AND jsonb_typeof(v."findings") = 'array'
   AND EXISTS (SELECT 1 FROM jsonb_array_elements(v."findings") AS f WHERE f->>'category' = 'secret');

-- Hand-written: saved variables get scopes of their own. Tokens that could read or manage them through
-- blueprints:read / blueprints:write keep exactly that; no token gains anything.
UPDATE "api_tokens" SET "scopes" = array_append("scopes", 'variables:read')
 WHERE 'blueprints:read' = ANY ("scopes") AND NOT 'variables:read' = ANY ("scopes");
UPDATE "api_tokens" SET "scopes" = array_append("scopes", 'variables:write')
 WHERE 'blueprints:write' = ANY ("scopes") AND NOT 'variables:write' = ANY ("scopes");

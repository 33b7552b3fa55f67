import { isSpdxExpression } from '../../common/spdx';

/** `rb_` + 16 characters, as the crawler mints them (newPublicId('rb')). */
export const REMOTE_BLUEPRINT_ID = /^rb_[a-z0-9]{4,40}$/;

export function isRemoteBlueprintId(id: string): boolean {
  return REMOTE_BLUEPRINT_ID.test(id);
}

/**
 * A remote blueprint may be forked only when its licence plainly allows derivatives: not a no-derivatives licence
 * (`-ND`), not `NONE` or `NOASSERTION` (no licence, or unknown), not a custom `LicenseRef-…` whose terms we cannot
 * read, and a valid SPDX expression at all. Stricter than for local blueprints, whose authors are here to ask.
 */
export function remoteLicenseAllowsFork(license: string): boolean {
  return (
    !/-ND\b/i.test(license) &&
    !/\b(NONE|NOASSERTION)\b/.test(license) &&
    !/LicenseRef-/i.test(license) &&
    isSpdxExpression(license.trim())
  );
}

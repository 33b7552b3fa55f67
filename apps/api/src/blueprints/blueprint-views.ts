// Row → response mappings, one per shape, shared by every route that returns it.
import { DEFAULT_MAX_LISTED_FINDINGS, storedScanReport, type ScanFinding, type ScanReport } from '../scanning';
import type { TemplateVariable } from '@lynxprompt/formats';
import { remoteAuthorProfileUrl } from '../federation/remote-blueprints/remote-author';
import type { RemoteBlueprintRow } from '../federation/remote-blueprints/remote-blueprints.repository';
import type { Actor } from '../access/actor';
import { findableBy } from './blueprint-access';
import { fromDbKind, slugify } from './blueprint-rules';
import type { BlueprintRow, VersionFileSummary, VersionRow, WithheldVersion } from './blueprints.repository';
import type { CatalogRow } from './catalog.repository';
import type {
  AttachedFileView,
  AuthorRef,
  BlueprintDetail,
  FindingTotals,
  BlueprintOrigin,
  BlueprintSummary,
  RemoteForkSource,
  VersionDetail,
  VersionSummary,
} from './dto/blueprint-responses.dto';

type UserAuthor = { handle: string; displayName: string; avatarUrl: string | null };
type OrganizationAuthor = { slug: string; name: string; avatarUrl: string | null };

/** The owner as others see it: the user, or the organization under its slug, name and avatar. */
export function authorOf(owned: { owner: UserAuthor | null; organization: OrganizationAuthor | null }): AuthorRef {
  if (owned.organization) {
    const { slug, name, avatarUrl } = owned.organization;
    return { kind: 'organization', handle: slug, displayName: name, avatarUrl };
  }
  const user = owned.owner;
  if (!user) throw new Error('A blueprint has a user or an organization as its owner');
  return { kind: 'user', handle: user.handle, displayName: user.displayName, avatarUrl: user.avatarUrl };
}

export function etagOf(revision: number): string {
  return `"r${revision}"`;
}

/** If-Match → the revision it names; `*` and absence mean "whatever is current". */
export function revisionFromIfMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"r(\d{1,9})"\s*$/.exec(header);
  // An ETag we never issued can never match: -1 makes the write fail with 412.
  return match ? Number(match[1]) : -1;
}

/** `actor`: who reads; those who read the fork's source as its owner may see it even when it is not listed. */
export function summaryOf(row: BlueprintRow, instance: string, actor: Actor): BlueprintSummary {
  const fork = row.forkedFrom;
  const forkVisible = fork !== null && findableBy(fork, actor);
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    description: row.description,
    kind: fromDbKind(row.kind),
    format: row.format,
    tool: row.tool,
    category: row.category,
    tags: row.tags,
    license: row.license,
    visibility: row.visibility,
    author: authorOf(row),
    favoriteCount: row.favoriteCount,
    downloadCount: row.downloadCount,
    publishedVersion: row.publishedVersion,
    headVersion: row.headVersion,
    hasHiddenInstructions: row.publishedFindings > 0,
    forkedFrom: forkVisible ? { id: fork.id, name: fork.name, author: authorOf(fork) } : null,
    ...remoteForkOf(
      row.forkedFromUrl,
      row.forkedFromRemote && !row.forkedFromRemote.hiddenAt ? row.forkedFromRemote : null,
    ),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    publishedAt: row.firstPublishedAt?.toISOString() ?? null,
    origin: { instance, local: true },
  };
}

/** `forkedFromRemote` for a fork of a remote blueprint; nothing for any other blueprint. */
function remoteForkOf(
  url: string | null,
  copy: { id: string; name: string } | null,
): { forkedFromRemote?: RemoteForkSource } {
  if (url === null) return {};
  return { forkedFromRemote: { url, ...(copy ? { id: copy.id, name: copy.name } : {}) } };
}

function remoteOrigin(
  domain: string,
  url: string,
  signed: boolean,
  authorProfileUrl: string | null,
  hidden = false,
): BlueprintOrigin {
  return {
    instance: domain,
    local: false,
    url,
    signed,
    ...(authorProfileUrl ? { authorProfileUrl } : {}),
    ...(hidden ? { hidden: true } : {}),
  };
}

/**
 * A catalogue row, local or remote. Remote rows come with their author's handle (or name, for peers that publish no
 * handle) in the owner columns, their version as the published one and their findings count from our own scan.
 */
export function catalogSummaryOf(row: CatalogRow, instance: string): BlueprintSummary {
  const origin =
    row.origin_domain !== null && row.canonical_url !== null
      ? remoteOrigin(
          row.origin_domain,
          row.canonical_url,
          row.signed === true,
          row.origin_base_url === null ? null : remoteAuthorProfileUrl(row.origin_base_url, row.author_handle),
        )
      : undefined;
  return {
    id: row.id,
    name: row.name,
    slug: origin ? slugify(row.name) : row.slug,
    description: row.description,
    kind: row.kind,
    format: row.format,
    tool: row.tool,
    category: row.category,
    tags: row.tags,
    license: row.license,
    visibility: row.visibility,
    author: {
      kind: row.owner_kind,
      handle: row.owner_handle,
      displayName: row.owner_display_name,
      avatarUrl: row.owner_avatar_url,
    },
    favoriteCount: row.favorite_count,
    downloadCount: row.download_count,
    publishedVersion: row.published_version,
    headVersion: row.head_version,
    hasHiddenInstructions: row.published_findings > 0,
    forkedFrom:
      row.fork_id && row.fork_name && row.fork_owner_handle && row.fork_owner_display_name
        ? {
            id: row.fork_id,
            name: row.fork_name,
            author: {
              kind: row.fork_owner_kind ?? 'user',
              handle: row.fork_owner_handle,
              displayName: row.fork_owner_display_name,
              avatarUrl: row.fork_owner_avatar_url,
            },
          }
        : null,
    ...remoteForkOf(
      row.fork_remote_url,
      row.fork_remote_id && row.fork_remote_name ? { id: row.fork_remote_id, name: row.fork_remote_name } : null,
    ),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    publishedAt: row.first_published_at?.toISOString() ?? null,
    origin: origin ?? { instance, local: true },
  };
}

/** A remote blueprint as a summary: read-only, public, its version the one the peer published (1 for legacy). */
export function remoteSummaryOf(row: RemoteBlueprintRow): BlueprintSummary {
  return {
    id: row.id,
    name: row.name,
    slug: slugify(row.name),
    description: row.description,
    kind: fromDbKind(row.kind),
    format: row.format,
    tool: row.tool,
    category: row.category,
    tags: row.tags,
    license: row.license,
    visibility: 'public',
    author: { kind: 'user', handle: row.authorHandle ?? row.authorName, displayName: row.authorName, avatarUrl: null },
    favoriteCount: row.favoriteCount,
    downloadCount: row.downloadCount,
    publishedVersion: row.remoteVersion,
    headVersion: row.remoteVersion ?? 1,
    hasHiddenInstructions: row.findings > 0,
    forkedFrom: null,
    createdAt: row.remoteCreatedAt.toISOString(),
    updatedAt: row.remoteUpdatedAt.toISOString(),
    publishedAt: row.remoteCreatedAt.toISOString(),
    origin: remoteOrigin(
      row.peer.domain,
      row.canonicalUrl,
      row.peer.signed,
      remoteAuthorProfileUrl(row.peer.baseUrl, row.authorHandle),
      row.hiddenAt !== null,
    ),
  };
}

/** A remote blueprint's detail: nobody here owns it, it has one revision, and the findings are our own scan's. */
export function remoteDetailOf(row: RemoteBlueprintRow, context: { variables: TemplateVariable[] }): BlueprintDetail {
  return {
    ...remoteSummaryOf(row),
    revision: 1,
    version: row.remoteVersion ?? 1,
    isDraft: false,
    content: row.content,
    contentHash: row.contentHash,
    sizeBytes: row.sizeBytes,
    // Null only for a copy stored before findings were kept, until the background scan reaches it.
    findings: storedScanReport(row.scanFindings).findings,
    findingTotals: findingTotalsOf(storedScanReport(row.scanFindings)),
    // Federation carries one file per blueprint: a remote copy has no attached files.
    files: [],
    variables: context.variables,
    isOwner: false,
    isFavorite: false,
    hierarchy: null,
    withheldVersions: [],
  };
}

/**
 * The attached files with their findings: the totals exact per file, the listed findings at most
 * DEFAULT_MAX_LISTED_FINDINGS across all files together (secrets first), so many files full of findings cannot make
 * every detail response huge.
 */
export function attachedFileViewsOf(
  files: readonly VersionFileSummary[],
  maxListed = DEFAULT_MAX_LISTED_FINDINGS,
): AttachedFileView[] {
  const reports = files.map((file) => storedScanReport(file.findings));
  const listed = reports.map(() => [] as ScanFinding[]);
  let budget = maxListed;
  for (const wanted of [(f: ScanFinding) => f.category === 'secret', (f: ScanFinding) => f.category !== 'secret']) {
    reports.forEach((report, index) => {
      const take = report.findings.filter(wanted).slice(0, Math.max(budget, 0));
      budget -= take.length;
      listed[index]!.push(...take);
    });
  }
  return files.map((file, index) => {
    const report = reports[index]!;
    const shown = listed[index]!.sort((a, b) => a.line - b.line || a.column - b.column);
    return {
      path: file.path,
      encoding: file.encoding,
      sizeBytes: file.sizeBytes,
      contentHash: file.contentHash,
      findings: shown,
      findingTotals: {
        ...findingTotalsOf(report),
        truncated: report.truncated || shown.length < report.findings.length,
      },
    };
  });
}

export function versionSummaryOf(
  version: Omit<VersionRow, 'content'>,
  publishedVersion: number | null,
  files: readonly VersionFileSummary[] = [],
): VersionSummary {
  return {
    number: version.number,
    contentHash: version.contentHash,
    sizeBytes: version.sizeBytes,
    format: version.format,
    changelog: version.changelog,
    author: version.author
      ? {
          kind: 'user',
          handle: version.author.handle,
          displayName: version.author.displayName,
          avatarUrl: version.author.avatarUrl,
        }
      : null,
    createdAt: version.createdAt.toISOString(),
    publishedAt: version.publishedAt?.toISOString() ?? null,
    restoredFrom: version.restoredFrom,
    isPublished: version.number === publishedVersion,
    withheld: version.withheldAt !== null,
    withheldReason: version.withheldAt !== null ? version.withheldReason : null,
    files: attachedFileViewsOf(files),
  };
}

export function findingsOf(version: Pick<VersionRow, 'findings'>): ScanFinding[] {
  return storedScanReport(version.findings).findings;
}

/** The exact totals beside a list of findings that may be capped (SCAN_MAX_LISTED_FINDINGS). */
export function findingTotalsOf(report: ScanReport): FindingTotals {
  return { secrets: report.secrets, hiddenInstructions: report.hiddenInstructions, truncated: report.truncated };
}

export function versionDetailOf(
  version: VersionRow,
  publishedVersion: number | null,
  files: readonly VersionFileSummary[],
): VersionDetail {
  const report = storedScanReport(version.findings);
  return {
    ...versionSummaryOf(version, publishedVersion, files),
    content: version.content,
    findings: report.findings,
    findingTotals: findingTotalsOf(report),
  };
}

export function detailOf(
  row: BlueprintRow,
  version: VersionRow,
  context: {
    files: readonly VersionFileSummary[];
    instance: string;
    actor: Actor;
    isOwner: boolean;
    isFavorite: boolean;
    variables: TemplateVariable[];
    withheldVersions: WithheldVersion[];
  },
): BlueprintDetail {
  return {
    ...summaryOf(row, context.instance, context.actor),
    revision: row.revision,
    version: version.number,
    isDraft: version.number !== row.publishedVersion,
    content: version.content,
    contentHash: version.contentHash,
    sizeBytes: version.sizeBytes,
    findings: findingsOf(version),
    findingTotals: findingTotalsOf(storedScanReport(version.findings)),
    files: attachedFileViewsOf(context.files),
    variables: context.variables,
    isOwner: context.isOwner,
    isFavorite: context.isFavorite,
    hierarchy: row.hierarchy
      ? {
          id: row.hierarchy.id,
          name: row.hierarchy.name,
          repositoryPath: row.repositoryPath,
          parentId: row.parentId,
        }
      : null,
    withheldVersions: context.withheldVersions.map((withheld) => ({
      number: withheld.number,
      reason: withheld.reason,
      withheldAt: withheld.withheldAt.toISOString(),
    })),
  };
}

import type { components } from '@lynxprompt/api-contract';

// The blueprint API's shapes, as generated from the committed OpenAPI document.
type Schemas = components['schemas'];

export type AuthorRef = Schemas['AuthorRef'];
export type BlueprintSummary = Schemas['BlueprintSummary'];
export type BlueprintDetail = Schemas['BlueprintDetail'];
export type BlueprintPage = Schemas['BlueprintPage'];
export type Facet = Schemas['FacetCount'];
export type SearchApproximation = Schemas['SearchApproximation'];
export type ScanFinding = Schemas['ScanFindingView'];
export type ScanResult = Schemas['ScanResult'];
export type VersionSummary = Schemas['VersionSummary'];
export type VersionDetail = Schemas['VersionDetail'];
export type VersionDiff = Schemas['VersionDiff'];
export type FormatTarget = Schemas['FormatTargetView'];
export type RenderedFile = Schemas['RenderedFile'];
export type AttachedFile = Schemas['AttachedFileView'];
export type VariableSource = Schemas['RenderedVariable']['source'];
export type FavoriteState = Schemas['FavoriteState'];
export type NewBlueprint = Schemas['CreateBlueprintRequest'];
/** The writable fields of a blueprint (PATCH /blueprints/{id}); a content change makes a new version. */
export type BlueprintWrite = Schemas['UpdateBlueprintRequest'];

export type BlueprintKind = BlueprintSummary['kind'];
export type Visibility = BlueprintSummary['visibility'];
export type Category = NonNullable<NewBlueprint['category']>;

// Run-time copies of the API's rules, for pickers and for checks before a round trip. Source of truth:
// apps/api/src/blueprints/blueprint-rules.ts (the `satisfies` clauses fail to compile if a value leaves the contract).

export const BLUEPRINT_KINDS = [
  'rules',
  'command',
  'skill',
  'agent',
  'mcp-config',
  'settings',
] as const satisfies readonly BlueprintKind[];

export const VISIBILITIES = ['private', 'unlisted', 'public'] as const satisfies readonly Visibility[];

/** The categories the API accepts (anything else is UNKNOWN_CATEGORY). */
export const CATEGORIES = [
  'general',
  'web',
  'frontend',
  'backend',
  'fullstack',
  'mobile',
  'desktop',
  'devops',
  'cloud',
  'data',
  'ml',
  'security',
  'testing',
  'documentation',
  'game-dev',
  'embedded',
  'other',
] as const satisfies readonly Category[];

export const MAX_CONTENT_BYTES = 256 * 1024;
export const MAX_CONTENT_LINES = 10_000;

export function isBlueprintKind(value: string): value is BlueprintKind {
  return (BLUEPRINT_KINDS as readonly string[]).includes(value);
}

export function isCategory(value: string): value is Category {
  return (CATEGORIES as readonly string[]).includes(value);
}

export const KIND_LABELS: Record<BlueprintKind, string> = {
  rules: 'Rules',
  command: 'Command',
  skill: 'Skill',
  agent: 'Agent',
  'mcp-config': 'MCP config',
  settings: 'Settings (hooks, permissions)',
};

export const VISIBILITY_LABELS: Record<Visibility, string> = {
  private: 'Private',
  team: 'Team (organization members)',
  unlisted: 'Unlisted',
  public: 'Public',
};

/** The ETag of a detail response, for If-Match on writes. */
export function etagOf(detail: Pick<BlueprintDetail, 'revision'>): string {
  return `"r${detail.revision}"`;
}

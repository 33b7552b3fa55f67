// The API's documents as the CLI reads them: the OpenAPI contract's generated types (type-only, so nothing of the
// contract package is bundled), one source of truth with the instance.
import type { components } from '@lynxprompt/api-contract';

type Schemas = components['schemas'];

export type BlueprintPage = Schemas['BlueprintPage'];
export type BlueprintDetail = Schemas['BlueprintDetail'];
export type VersionSummary = Schemas['VersionSummary'];
export type VersionList = Schemas['VersionList'];
export type RenderedFile = Schemas['RenderedFile'];
export type HierarchyDetail = Schemas['HierarchyDetail'];
export type MeResponse = Schemas['MeResponse'];

/**
 * The query parameter of /blueprints/new that preselects an organization as the owner (its slug), so an
 * organization's page can open the editor for a blueprint of its own.
 */
export const OWNER_PARAM = 'organization';

/** /blueprints/new, with the organization preselected as the owner when given. */
export function newBlueprintPath(organization?: string): string {
  return organization
    ? `/blueprints/new?${new URLSearchParams({ [OWNER_PARAM]: organization }).toString()}`
    : '/blueprints/new';
}

/**
 * Every scope an API token can carry; routes name the ones they need with @Authenticated(...). Saved variables have
 * scopes of their own because their values are often secrets: `variables:read` lists them and lets render and
 * download fill them in, `variables:write` changes them.
 */
export const API_SCOPES = [
  'blueprints:read',
  'blueprints:write',
  'profile:read',
  'variables:read',
  'variables:write',
] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

/** Every scope an API token can carry; routes name the ones they need with @Authenticated(...). */
export const API_SCOPES = ['blueprints:read', 'blueprints:write', 'profile:read'] as const;
export type ApiScope = (typeof API_SCOPES)[number];

export function isApiScope(value: string): value is ApiScope {
  return (API_SCOPES as readonly string[]).includes(value);
}

import type { Route } from './http-server';

/** The reads of the security settings page, answering "nothing yet" unless a test overrides one. */
export function securityPageRoutes(overrides: Record<string, Route> = {}): Record<string, Route> {
  return {
    'GET /api/v1/account/passkeys': { status: 200, body: [] },
    'GET /api/v1/account/two-step': {
      status: 200,
      body: { totpEnabled: false, recoveryCodesRemaining: 0, passkeys: 0 },
    },
    'GET /api/v1/account/sessions': {
      status: 200,
      body: [
        {
          id: '6a3c1f0e-0000-4000-8000-000000000001',
          current: true,
          authMethod: 'magic_link',
          userAgent:
            'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0 Safari/537.36',
          ipPrefix: '192.0.2.0/24',
          createdAt: '2026-01-10T09:00:00.000Z',
          lastSeenAt: '2026-01-10T09:30:00.000Z',
          expiresAt: '2026-02-10T09:00:00.000Z',
        },
      ],
    },
    'GET /api/v1/account/identities': { status: 200, body: [] },
    'GET /api/v1/account/api-tokens': { status: 200, body: [] },
    'GET /api/v1/account/security-events': { status: 200, body: [] },
    ...overrides,
  };
}

// The one registry of TanStack Query keys. Build keys here, never inline, so invalidation stays greppable.
export const queryKeys = {
  instance: {
    all: ['instance'] as const,
    manifest: () => [...queryKeys.instance.all, 'manifest'] as const,
  },
  session: {
    all: ['session'] as const,
    current: () => [...queryKeys.session.all, 'current'] as const,
  },
  // Everything that belongs to the signed-in account: dropped as a whole when the signed-in person changes.
  account: {
    all: ['account'] as const,
    passkeys: () => [...queryKeys.account.all, 'passkeys'] as const,
    twoStep: () => [...queryKeys.account.all, 'two-step'] as const,
    sessions: () => [...queryKeys.account.all, 'sessions'] as const,
    identities: () => [...queryKeys.account.all, 'identities'] as const,
    apiTokens: () => [...queryKeys.account.all, 'api-tokens'] as const,
    securityEvents: () => [...queryKeys.account.all, 'security-events'] as const,
    deviceRequest: (userCode: string) => [...queryKeys.account.all, 'device-request', userCode] as const,
  },
} as const;

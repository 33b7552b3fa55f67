// The one registry of TanStack Query keys. Build keys here, never inline, so invalidation stays greppable.
export const queryKeys = {
  instance: {
    all: ['instance'] as const,
    manifest: () => [...queryKeys.instance.all, 'manifest'] as const,
  },
} as const;

import { z } from 'zod';

/** Protocol versions this instance can crawl signed. Anything else with a `protocol` field is refused. */
export const SUPPORTED_PROTOCOLS = ['lynxprompt-federation/1'] as const;

const text = (max: number) => z.string().trim().min(1).max(max);

/**
 * A peer's manifest is untrusted input: only the fields we use are read, each bounded; unknown fields are ignored so
 * newer peers stay readable.
 */
export const peerManifestSchema = z.object({
  name: text(200),
  domain: text(300),
  version: text(100),
  federation: z.boolean(),
  api: z.string().max(2000).optional(),
  publicBlueprints: z.number().int().min(0).max(1e9).optional(),
  protocol: text(100).optional(),
  software: z
    .object({ name: text(100).optional(), version: text(100).optional() })
    .partial()
    .optional(),
  publicKey: z
    .object({
      id: text(64),
      algorithm: z.literal('Ed25519'),
      key: z.string().regex(/^[A-Za-z0-9_-]{43}$/, 'a base64url 32-byte Ed25519 key'),
    })
    .optional(),
  endpoints: z
    .object({ catalogue: z.string().max(2000).optional() })
    .partial()
    .optional(),
  logoUrl: z.string().max(2000).optional(),
});

export type PeerManifest = z.infer<typeof peerManifestSchema>;

import { Inject, Injectable } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboundError, OutboundErrorCode } from '../../outbound/outbound.errors';
import { OutboundHttpClient } from '../../outbound/outbound-http-client';
import { firstIssue } from '../first-issue';
import { keyIdOf } from '../signature';
import { sameDomain, type PeerAddress } from './domain-name';
import { peerManifestSchema, SUPPORTED_PROTOCOLS, type PeerManifest } from './peer-manifest';
import { PeerVerificationError } from './peers.errors';

export const MANIFEST_PATH = '/.well-known/lynxprompt.json';
const MANIFEST_MAX_BYTES = 64 * 1024;

export interface VerifiedManifest {
  /** Scheme and host the manifest answered on: every later request of the crawl goes there and nowhere else. */
  readonly baseUrl: string;
  readonly manifest: PeerManifest;
  /** Present for signed peers; absent for legacy ones. */
  readonly publicKey: string | undefined;
}

/**
 * Verifies that a domain runs a LynxPrompt instance that names itself by that domain. Never trusts a claim: the
 * manifest is fetched from exactly that host (no redirect elsewhere), through the SSRF-safe client.
 */
@Injectable()
export class PeerVerifier {
  constructor(
    private readonly outbound: OutboundHttpClient,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async verify(address: PeerAddress, knownBaseUrl?: string): Promise<VerifiedManifest> {
    const candidates = this.candidateBaseUrls(address, knownBaseUrl);
    let lastError: PeerVerificationError | undefined;
    for (const baseUrl of candidates) {
      try {
        return await this.verifyAt(address, baseUrl);
      } catch (error) {
        lastError = asVerificationError(error);
        // Only "nothing answered there" falls through to plain http (outside production); a wrong answer does not.
        if (lastError.reason !== 'OUTBOUND_CONNECT_FAILED' && lastError.reason !== 'MANIFEST_UNREACHABLE') break;
      }
    }
    throw lastError ?? new PeerVerificationError('MANIFEST_UNREACHABLE', `Could not reach ${address.domain}`);
  }

  /** https first; plain http only where the outbound client allows it (never in production). */
  private candidateBaseUrls(address: PeerAddress, knownBaseUrl: string | undefined): string[] {
    if (knownBaseUrl) return [knownBaseUrl];
    if (address.scheme === 'http') return [`http://${address.domain}`];
    const https = `https://${address.domain}`;
    return this.config.outbound.allowHttp && !address.scheme ? [https, `http://${address.domain}`] : [https];
  }

  private async verifyAt(address: PeerAddress, baseUrl: string): Promise<VerifiedManifest> {
    const { response, data } = await this.outbound.getJson({
      url: `${baseUrl}${MANIFEST_PATH}`,
      maxBytes: MANIFEST_MAX_BYTES,
      sameHostRedirectsOnly: true,
    });
    if (response.status === 404) {
      throw new PeerVerificationError('FEDERATION_DISABLED', `${address.domain} publishes no federation manifest`);
    }
    if (response.status < 200 || response.status > 299) {
      throw new PeerVerificationError(
        'MANIFEST_UNREACHABLE',
        `${address.domain} answered ${response.status} for its manifest`,
      );
    }
    const parsed = peerManifestSchema.safeParse(data);
    if (!parsed.success) {
      throw new PeerVerificationError(
        'MANIFEST_INVALID',
        `The manifest of ${address.domain} is invalid: ${firstIssue(parsed.error, 'body')}`,
      );
    }
    const manifest = parsed.data;
    if (!sameDomain(manifest.domain, address.domain)) {
      throw new PeerVerificationError(
        'MANIFEST_DOMAIN_MISMATCH',
        `The manifest at ${address.domain} names itself ${manifest.domain.slice(0, 300)}`,
      );
    }
    if (!manifest.federation) {
      throw new PeerVerificationError('FEDERATION_DISABLED', `${address.domain} does not take part in the federation`);
    }
    if (manifest.protocol && !(SUPPORTED_PROTOCOLS as readonly string[]).includes(manifest.protocol)) {
      throw new PeerVerificationError(
        'PROTOCOL_UNSUPPORTED',
        `${address.domain} speaks ${manifest.protocol}; this instance supports ${SUPPORTED_PROTOCOLS.join(', ')}`,
      );
    }
    const key = manifest.publicKey;
    if (key && keyIdOf(Buffer.from(key.key, 'base64url')) !== key.id) {
      throw new PeerVerificationError('MANIFEST_INVALID', `The key id in the manifest of ${address.domain} is wrong`);
    }
    // A signed peer (one with a key) must also say which protocol it speaks.
    if (key && !manifest.protocol) {
      throw new PeerVerificationError('MANIFEST_INVALID', `${address.domain} publishes a key but no protocol`);
    }
    return { baseUrl: new URL(response.url).origin, manifest, publicKey: key?.key };
  }
}

function asVerificationError(error: unknown): PeerVerificationError {
  if (error instanceof PeerVerificationError) return error;
  if (error instanceof OutboundError) {
    return new PeerVerificationError(error.code, error.message, addressKindOf(error));
  }
  throw error;
}

/** The kind of address an OUTBOUND_ADDRESS_REFUSED names (see outbound/address-policy), when it names one. */
export function addressKindOf(error: OutboundError): string | undefined {
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  return error.code === OutboundErrorCode.AddressRefused && typeof reason === 'string' ? reason : undefined;
}

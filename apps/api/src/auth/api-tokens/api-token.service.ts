import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AuditService } from '../../audit/audit.service';
import { ipPrefix } from '../../common/request-context/ip-prefix';
import type { ApiToken, Prisma, TokenEnvironment } from '../../generated/prisma/client';
import type { Principal } from '../principal';
import { requestContext, SessionService } from '../sessions/session.service';
import { TwoStepRepository } from '../two-step/two-step.repository';
import { ApiTokenRepository } from './api-token.repository';
import { ApiTokenNotFoundError, OrganizationTokenNotFoundError } from './api-tokens.errors';
import { hashSecret, mintSecretToken } from '../../common/crypto/secret-token';

export const API_TOKEN_PREFIX = 'lp_';
const TOKEN_PATTERN = /^lp_[A-Za-z0-9_-]{43}$/;
// Recording last use on every request would turn reads into writes; once a minute is precise enough.
const USE_RECORD_INTERVAL_MS = 60_000;
const DAY_MS = 24 * 60 * 60 * 1000;

type SessionPrincipal = Extract<Principal, { kind: 'session' }>;

/** Mints a token: `lp_` + 32 random bytes. The caller shows it once; only its hash is stored. */
export function mintApiToken(): { token: string; tokenHash: string; prefix: string } {
  const token = `${API_TOKEN_PREFIX}${mintSecretToken()}`;
  return { token, tokenHash: hashSecret(token), prefix: token.slice(0, 10) };
}

export interface ApiTokenSpec {
  name: string;
  scopes: readonly string[];
  environment: TokenEnvironment;
  expiresAt: Date | null;
}

/** A new token and the columns its row stores, whoever owns it (a person or an organization). */
function mintFor(spec: ApiTokenSpec) {
  const { token, tokenHash, prefix } = mintApiToken();
  return {
    token,
    columns: {
      name: spec.name,
      prefix,
      tokenHash,
      scopes: [...new Set(spec.scopes)],
      environment: spec.environment,
      expiresAt: spec.expiresAt,
    },
  };
}

/** What the person making a token chooses. */
export interface NewTokenInput {
  name: string;
  scopes: readonly string[];
  environment: TokenEnvironment;
  expiresInDays?: number;
}

function tokenSpec(input: NewTokenInput): ApiTokenSpec {
  return {
    name: input.name.trim(),
    scopes: input.scopes,
    environment: input.environment,
    expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null,
  };
}

/** A freshly stored token and, this once, its value. */
export interface IssuedApiToken {
  token: string;
  row: ApiToken;
}

@Injectable()
export class ApiTokenService {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly sessions: SessionService,
    private readonly twoStep: TwoStepRepository,
    private readonly audit: AuditService,
  ) {}

  /** The principal a bearer token stands for, or undefined for a malformed, unknown, revoked or expired token. */
  async authenticate(
    token: string,
    ip: string | undefined,
  ): Promise<Exclude<Principal, { kind: 'session' }> | undefined> {
    if (!TOKEN_PATTERN.test(token)) return undefined;
    const row = await this.tokens.findByHash(hashSecret(token));
    const now = new Date();
    if (!row || row.revokedAt || (row.expiresAt && row.expiresAt <= now)) return undefined;
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > USE_RECORD_INTERVAL_MS) {
      // Only the network is kept, as everywhere else we record client addresses.
      await this.tokens.recordUse(row.id, now, ipPrefix(ip));
    }
    const common = { tokenId: row.id, scopes: row.scopes, environment: row.environment };
    if (row.organizationId) return { kind: 'organization-token', organizationId: row.organizationId, ...common };
    if (row.userId) return { kind: 'token', userId: row.userId, ...common };
    return undefined;
  }

  /**
   * A token outlives the session that made it, so a stolen session cookie must not be enough to mint one: with
   * two-step verification on, the session must have proven its second factor within the last few minutes.
   */
  async assertMayIssue(session: SessionPrincipal): Promise<void> {
    if (await this.twoStep.isEnabled(session.userId)) this.sessions.assertRecent(session, 'second factor');
  }

  /** A personal token made on the account page. */
  async create(session: SessionPrincipal, input: NewTokenInput, request: Request): Promise<IssuedApiToken> {
    await this.assertMayIssue(session);
    return this.issue(session.userId, tokenSpec(input), request, 'account');
  }

  /**
   * An organization token, made by one of its Owners or Admins (the caller has checked that): the same rules as a
   * personal token (recent second factor, expiry, shown once), stored on the organization and recorded in its log.
   */
  async issueForOrganization(
    session: SessionPrincipal,
    organizationId: string,
    input: NewTokenInput,
    request: Request,
    beforeCreate?: (tx: Prisma.TransactionClient) => Promise<void>,
  ): Promise<IssuedApiToken> {
    await this.assertMayIssue(session);
    const { token, columns } = mintFor(tokenSpec(input));
    const row = await this.tokens.createForOrganization(
      { organizationId, createdById: session.userId, ...columns },
      beforeCreate,
    );
    await this.audit.record(
      { type: 'user', id: session.userId },
      'organization_token.created',
      { type: 'api_token', id: row.id },
      requestContext(request),
      {
        name: row.name,
        prefix: row.prefix,
        scopes: row.scopes,
        environment: row.environment,
        expiresAt: row.expiresAt?.toISOString() ?? null,
      },
      organizationId,
    );
    return { token, row };
  }

  /** The organization's tokens that are not revoked, with who made each. */
  listForOrganization(organizationId: string) {
    return this.tokens.listForOrganization(organizationId);
  }

  /** Revokes at once, like a personal token; recorded in the organization's log. */
  async revokeForOrganization(
    session: SessionPrincipal,
    organizationId: string,
    id: string,
    request: Request,
  ): Promise<void> {
    if ((await this.tokens.revokeForOrganization(organizationId, id, new Date())) === 0) {
      throw new OrganizationTokenNotFoundError();
    }
    await this.audit.record(
      { type: 'user', id: session.userId },
      'organization_token.revoked',
      { type: 'api_token', id },
      requestContext(request),
      {},
      organizationId,
    );
  }

  /** Stores and audits a new token; the one path for tokens made on the account page and by the device grant. */
  async issue(
    userId: string,
    spec: ApiTokenSpec,
    request: Request,
    via: 'account' | 'device_grant',
  ): Promise<IssuedApiToken> {
    const { token, columns } = mintFor(spec);
    const row = await this.tokens.create({ userId, ...columns });
    await this.audit.record(
      { type: 'user', id: userId },
      'api_token.created',
      { type: 'api_token', id: row.id },
      requestContext(request),
      { via, scopes: row.scopes, environment: row.environment, expiresAt: row.expiresAt?.toISOString() ?? null },
    );
    return { token, row };
  }

  /** The user's tokens that are not revoked (expired ones included, so the list explains why one stopped working). */
  list(userId: string) {
    return this.tokens.listForUser(userId);
  }

  /** Revokes at once: authentication reads the database on every request, so nothing caches a revoked token. */
  async revoke(userId: string, id: string, request: Request): Promise<void> {
    if ((await this.tokens.revoke(userId, id, new Date())) === 0) throw new ApiTokenNotFoundError();
    await this.audit.record(
      { type: 'user', id: userId },
      'api_token.revoked',
      { type: 'api_token', id },
      requestContext(request),
    );
  }
}

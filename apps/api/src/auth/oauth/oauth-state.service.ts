import { Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { KEY_VALUE_STORE, type KeyValueStore } from '../../kv/key-value-store';
import type { Principal } from '../principal';
import { OAuthFlowError, type OAuthProvider } from './oauth.errors';
import { hashSecret, mintSecretToken, secretsEqual } from '../../common/crypto/secret-token';

/** What the callback will do: sign in (or up), or link the identity to the user who asked from their settings. */
export type FlowIntent = { kind: 'sign_in' } | { kind: 'link'; userId: string };

export interface FlowStart {
  readonly returnTo: string;
  readonly intent: FlowIntent;
}

/** Everything the callback needs, kept server-side under the state value for one use. */
export interface FlowState extends FlowStart {
  readonly provider: OAuthProvider;
  /** The PKCE code verifier: only this server ever holds it. */
  readonly codeVerifier?: string;
  /** OpenID Connect nonce, checked against the ID token. */
  readonly nonce?: string;
  /** SHA-256 of the browser-binding cookie of the browser that started the flow. */
  readonly bindingHash: string;
}

interface LinkTicket {
  provider: OAuthProvider;
  userId: string;
  sessionId: string;
}

const STATE_TTL_MS = 10 * 60_000;
const LINK_TICKET_TTL_MS = 5 * 60_000;
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The `state` of provider redirects, and link tickets. There is no server-side HTTP session (passport's own state
 * stores need express-session), so:
 *
 * - the state value is 256 random bits, kept in the shared key-value store (by its hash) for 10 minutes with the
 *   PKCE verifier, the nonce, returnTo and the intent, and is taken (read and deleted in one step) on use, so it
 *   works once;
 * - the browser that started the flow holds a random binding value in a short-lived HttpOnly, SameSite=Lax cookie,
 *   and the stored state remembers its hash: a state presented by any other browser (a login-CSRF attempt that
 *   plants the attacker's callback URL in the victim's browser) is refused, and is not consumed by the attempt.
 *   Binding a value rather than storing the state itself in the cookie lets two tabs run flows side by side.
 */
@Injectable()
export class OAuthStateService {
  private readonly cookieName: string;

  constructor(
    @Inject(KEY_VALUE_STORE) private readonly store: KeyValueStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.cookieName = config.auth.secureCookies ? '__Host-lp_oauth' : 'lp_oauth';
  }

  /** Stores a new flow and returns its `state` value; sets (or refreshes) the browser-binding cookie. */
  async mint(request: Request, response: Response, flow: Omit<FlowState, 'bindingHash'>): Promise<string> {
    const existing = this.bindingOf(request);
    const binding = existing ?? mintSecretToken();
    response.cookie(this.cookieName, binding, {
      httpOnly: true,
      // Lax: the provider's redirect back to us is a top-level GET navigation, which Lax cookies accompany.
      sameSite: 'lax',
      secure: this.config.auth.secureCookies,
      path: '/',
      maxAge: STATE_TTL_MS,
    });
    const state = mintSecretToken();
    const record: FlowState = { ...flow, bindingHash: hashSecret(binding) };
    await this.store.set(this.stateKey(state), JSON.stringify(record), STATE_TTL_MS);
    return state;
  }

  /** The stored flow for a `state` presented at the callback, consumed; refused unless this browser started it. */
  async consume(request: Request, provider: OAuthProvider, presented: unknown): Promise<FlowState> {
    if (typeof presented !== 'string' || presented.length === 0) {
      throw new OAuthFlowError('OAUTH_STATE_INVALID', 'state_missing');
    }
    if (!TOKEN_PATTERN.test(presented)) throw new OAuthFlowError('OAUTH_STATE_INVALID', 'state_malformed');
    const key = this.stateKey(presented);
    const stored = await this.store.get(key);
    if (!stored) throw new OAuthFlowError('OAUTH_STATE_INVALID', 'state_unknown_or_used');
    const flow = JSON.parse(stored) as FlowState;
    const binding = this.bindingOf(request);
    if (!binding || !secretsEqual(hashSecret(binding), flow.bindingHash)) {
      throw new OAuthFlowError('OAUTH_STATE_INVALID', 'state_other_browser');
    }
    if (flow.provider !== provider) throw new OAuthFlowError('OAUTH_STATE_INVALID', 'state_other_provider');
    // Checked first, taken last: only the browser that owns the state can use it up, and only once.
    if (!(await this.store.take(key))) throw new OAuthFlowError('OAUTH_STATE_INVALID', 'state_unknown_or_used');
    return flow;
  }

  /** A single-use ticket that lets this session's browser start a link flow (see IdentitiesService.linkUrl). */
  async createLinkTicket(provider: OAuthProvider, userId: string, sessionId: string): Promise<string> {
    const ticket = mintSecretToken();
    const record: LinkTicket = { provider, userId, sessionId };
    await this.store.set(this.linkKey(ticket), JSON.stringify(record), LINK_TICKET_TTL_MS);
    return ticket;
  }

  /** The link intent for a ticket, provided the same signed-in session presents it, once. */
  async redeemLinkTicket(provider: OAuthProvider, ticket: unknown, principal: Principal | undefined) {
    if (typeof ticket !== 'string' || !TOKEN_PATTERN.test(ticket)) {
      throw new OAuthFlowError('OAUTH_LINK_INVALID', 'link_ticket_malformed');
    }
    const stored = await this.store.take(this.linkKey(ticket));
    if (!stored) throw new OAuthFlowError('OAUTH_LINK_INVALID', 'link_ticket_unknown_or_used');
    const record = JSON.parse(stored) as LinkTicket;
    if (record.provider !== provider) {
      throw new OAuthFlowError('OAUTH_LINK_INVALID', 'link_ticket_other_provider', record.userId);
    }
    if (principal?.kind !== 'session' || principal.state !== 'active' || principal.sessionId !== record.sessionId) {
      throw new OAuthFlowError('OAUTH_LINK_INVALID', 'link_ticket_other_session', record.userId);
    }
    return { kind: 'link', userId: record.userId } satisfies FlowIntent;
  }

  private bindingOf(request: Request): string | undefined {
    const cookies = request.cookies as Record<string, string> | undefined;
    const value = cookies?.[this.cookieName];
    return value && TOKEN_PATTERN.test(value) ? value : undefined;
  }

  private stateKey(state: string): string {
    return `oauth:state:${hashSecret(state)}`;
  }

  private linkKey(ticket: string): string {
    return `oauth:link:${hashSecret(ticket)}`;
  }
}

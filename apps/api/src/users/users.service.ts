import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RegistrationClosedError } from '../auth/auth.errors';
import { toVisibleName } from '../common/text/visible-name';
import { Prisma, type User } from '../generated/prisma/client';
import { AdminRequiredError, EmailTakenError, HandleTakenError, InvalidHandleError } from './users.errors';
import { normalizeEmail, UsersRepository, type NewUser } from './users.repository';

// GitHub-compatible handles: readable in URLs and unambiguous across federated instances.
const HANDLE_PATTERN = /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){1,38}$/;

@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  async create(user: NewUser) {
    if (!HANDLE_PATTERN.test(user.handle)) throw new InvalidHandleError(user.handle);
    try {
      return await this.users.create(user);
    } catch (error) {
      throw uniqueViolation(error, user.handle);
    }
  }

  /** Profile changes. Handles follow the same rules as at sign-up; a taken handle or address is a conflict. */
  async update(id: string, changes: { displayName?: string; handle?: string; bio?: string }): Promise<User> {
    if (changes.handle !== undefined && !HANDLE_PATTERN.test(changes.handle)) {
      throw new InvalidHandleError(changes.handle);
    }
    const displayName = changes.displayName?.trim().slice(0, 80);
    try {
      return await this.users.update(id, {
        ...(changes.handle === undefined ? {} : { handle: changes.handle }),
        ...(displayName ? { displayName } : {}),
        // Trimmed, so a bio of only white space is no bio.
        ...(changes.bio === undefined ? {} : { bio: changes.bio.trim() }),
      });
    } catch (error) {
      throw uniqueViolation(error, changes.handle ?? '');
    }
  }

  /** A new address the user has just proven by following a link sent to it. */
  async changeEmail(id: string, email: string): Promise<User> {
    try {
      return await this.users.update(id, { email, emailVerifiedAt: new Date() });
    } catch (error) {
      throw uniqueViolation(error, '');
    }
  }

  delete(id: string): Promise<boolean> {
    return this.users.delete(id);
  }

  /**
   * Whether a sign-in with this address would be let in: an existing account, open registration, an invitation or
   * the ADMIN_EMAIL address. The same rule provisionForVerifiedEmail enforces, asked before sending a link.
   */
  async admits(email: string, policy: { registrationEnabled: boolean; adminEmail: string | undefined }) {
    const normalized = normalizeEmail(email);
    if (policy.registrationEnabled || policy.adminEmail === normalized) return true;
    if (await this.users.findByEmail(normalized)) return true;
    return this.users.isInvited(normalized);
  }

  /**
   * The account for an address a sign-in method has just proven (magic link, provider with a verified email, OIDC).
   * Creates it when registration is open or the address is invited. The ADMIN_EMAIL account becomes admin; without
   * ADMIN_EMAIL, the first account of a new instance does.
   */
  async provisionForVerifiedEmail(
    email: string,
    profile: { displayName?: string; handleHint?: string; avatarUrl?: string | null },
    policy: {
      registrationEnabled: boolean;
      adminEmail: string | undefined;
      /** Refuse (USER_EMAIL_TAKEN) instead of returning an existing account: sign-ups that must never merge. */
      newAccountOnly?: boolean;
    },
  ): Promise<{ user: User; created: boolean }> {
    const normalized = normalizeEmail(email);
    const isAdminEmail = policy.adminEmail === normalized;
    const existing = await this.users.findByEmail(normalized);
    if (existing && policy.newAccountOnly) throw new EmailTakenError();
    if (existing) {
      let user = existing.emailVerifiedAt ? existing : await this.users.markEmailVerified(existing.id, new Date());
      if (isAdminEmail && user.role !== 'admin') user = await this.users.setRole(user.id, 'admin');
      return { user, created: false };
    }
    if (!policy.registrationEnabled && !isAdminEmail && !(await this.users.isInvited(normalized))) {
      throw new RegistrationClosedError();
    }
    const firstUser = (await this.users.count()) === 0;
    const localPart = normalized.split('@')[0] ?? 'user';
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const handle = await this.availableHandle(profile.handleHint ?? localPart);
      try {
        const user = await this.create({
          email: normalized,
          handle,
          // A provider's profile name is shown to others: made visible rather than refused, so sign-in still works.
          displayName:
            toVisibleName(profile.displayName ?? '')
              .trim()
              .slice(0, 80) || localPart,
          // Only https images: the page's CSP allows no other remote source, and http would leak the viewer's address.
          avatarUrl: profile.avatarUrl?.startsWith('https://') ? profile.avatarUrl.slice(0, 2048) : null,
          // With ADMIN_EMAIL set, only that address becomes admin: whoever signs up first must not win the instance.
          role: isAdminEmail || (firstUser && !policy.adminEmail) ? 'admin' : 'user',
          emailVerifiedAt: new Date(),
        });
        return { user, created: true };
      } catch (error) {
        // Someone took the handle between our check and the insert: try the next one.
        if (!(error instanceof HandleTakenError)) throw error;
      }
    }
    throw new HandleTakenError(profile.handleHint ?? localPart);
  }

  invite(email: string, invitedBy: string | null) {
    return this.users.invite(email, invitedBy);
  }

  /** A valid handle from a hint (a provider login, an email's local part), numbered when taken. */
  private async availableHandle(hint: string): Promise<string> {
    const base =
      hint
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-')
        .replace(/-{2,}/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 32)
        .replace(/-+$/, '') || 'user';
    const padded = base.length >= 2 ? base : `${base}-user`;
    for (let suffix = 1; suffix < 50; suffix += 1) {
      const candidate = suffix === 1 ? padded : `${padded}-${suffix}`;
      if (!(await this.users.handleExists(candidate))) return candidate;
    }
    return `${padded}-${randomBytes(3).toString('hex')}`;
  }

  /** Account totals and recent activity, as NodeInfo publishes them. */
  countActivity() {
    return this.users.countActivity();
  }

  findByEmail(email: string) {
    return this.users.findByEmail(email);
  }

  findById(id: string) {
    return this.users.findById(id);
  }

  /** The role is read fresh from the database, not from the session: a demoted admin loses access at once. */
  async requireAdmin(userId: string) {
    const user = await this.users.findById(userId);
    if (user?.role !== 'admin') throw new AdminRequiredError();
    return user;
  }
}

/** Maps a unique-index violation to the domain error for the column that clashed. */
function uniqueViolation(error: unknown, handle: string): unknown {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const target = JSON.stringify(error.meta ?? {});
    return target.includes('handle') ? new HandleTakenError(handle) : new EmailTakenError();
  }
  return error;
}

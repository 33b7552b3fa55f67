import { Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { RegistrationClosedError } from '../auth/auth.errors';
import { Prisma, type User } from '../generated/prisma/client';
import { EmailTakenError, HandleTakenError, InvalidHandleError } from './users.errors';
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
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        const target = JSON.stringify(error.meta ?? {});
        throw target.includes('handle') ? new HandleTakenError(user.handle) : new EmailTakenError();
      }
      throw error;
    }
  }

  /**
   * The account for an address a sign-in method has just proven (magic link, provider with a verified email, OIDC).
   * Creates it when registration is open or the address is invited; the first account of a new instance, and the
   * ADMIN_EMAIL account, become admins.
   */
  async provisionForVerifiedEmail(
    email: string,
    profile: { displayName?: string; handleHint?: string; avatarUrl?: string | null },
    policy: { registrationEnabled: boolean; adminEmail: string | undefined },
  ): Promise<{ user: User; created: boolean }> {
    const normalized = normalizeEmail(email);
    const isAdminEmail = policy.adminEmail === normalized;
    const existing = await this.users.findByEmail(normalized);
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
          displayName: profile.displayName?.trim().slice(0, 80) || localPart,
          role: firstUser || isAdminEmail ? 'admin' : 'user',
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

  findByEmail(email: string) {
    return this.users.findByEmail(email);
  }

  findById(id: string) {
    return this.users.findById(id);
  }
}

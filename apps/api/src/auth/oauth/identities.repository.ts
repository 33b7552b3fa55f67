import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';
import { Prisma } from '../../generated/prisma/client';

export interface NewIdentity {
  userId: string;
  provider: string;
  providerUserId: string;
  email: string | null;
}

/** What a user can sign in with besides the identity being removed. */
export interface SignInMethodCounts {
  identities: number;
  passkeys: number;
  emailVerified: boolean;
}

export type GuardedDeletion = 'deleted' | 'not_found' | 'refused';

@Injectable()
export class IdentitiesRepository {
  constructor(private readonly prisma: PrismaService) {}

  findByProviderUserId(provider: string, providerUserId: string) {
    return this.prisma.authIdentity.findUnique({ where: { provider_providerUserId: { provider, providerUserId } } });
  }

  /** Null when the identity is already linked (to anyone): the unique index decides, not a prior read. */
  async create(identity: NewIdentity) {
    try {
      return await this.prisma.authIdentity.create({ data: { ...identity, lastUsedAt: new Date() } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  touch(id: string, email: string | null) {
    return this.prisma.authIdentity.update({
      where: { id },
      data: { lastUsedAt: new Date(), ...(email ? { email } : {}) },
    });
  }

  listForUser(userId: string) {
    return this.prisma.authIdentity.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  }

  /**
   * Deletes the identity if `allowed` says the user keeps a way to sign in. The user's row is locked while counting
   * and deleting, so two removals racing each other cannot both see "one more left" and leave the account locked out.
   * Passkeys are counted here too (read-only), so the rule covers every sign-in method in one transaction.
   */
  deleteIfAllowed(
    userId: string,
    identityId: string,
    allowed: (remaining: SignInMethodCounts) => boolean,
  ): Promise<{ result: GuardedDeletion; provider?: string }> {
    return this.prisma.$transaction(async (tx) => {
      const users = await tx.$queryRaw<Array<{ email_verified_at: Date | null }>>`
        SELECT email_verified_at FROM users WHERE id = ${userId}::uuid FOR UPDATE`;
      const identity = await tx.authIdentity.findFirst({ where: { id: identityId, userId } });
      if (!identity || users.length === 0) return { result: 'not_found' };
      const identities = await tx.authIdentity.count({ where: { userId, NOT: { id: identityId } } });
      const passkeys = await tx.passkey.count({ where: { userId } });
      const remaining = { identities, passkeys, emailVerified: users[0]?.email_verified_at != null };
      if (!allowed(remaining)) return { result: 'refused', provider: identity.provider };
      await tx.authIdentity.delete({ where: { id: identityId } });
      return { result: 'deleted', provider: identity.provider };
    });
  }
}

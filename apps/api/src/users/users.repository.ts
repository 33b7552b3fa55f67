import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';
import type { UserRole } from '../generated/prisma/client';

export interface NewUser {
  email: string;
  handle: string;
  displayName: string;
  role?: UserRole;
  emailVerifiedAt?: Date | null;
  avatarUrl?: string | null;
}

export interface UserChanges {
  displayName?: string;
  handle?: string;
  bio?: string;
  email?: string;
  emailVerifiedAt?: Date | null;
}

/** Emails are compared case-insensitively: they are stored lower-cased and looked up the same way. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

@Injectable()
export class UsersRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(user: NewUser) {
    return this.prisma.user.create({ data: { ...user, email: normalizeEmail(user.email) } });
  }

  findByEmail(email: string) {
    return this.prisma.user.findUnique({ where: { email: normalizeEmail(email) } });
  }

  findById(id: string) {
    return this.prisma.user.findUnique({ where: { id } });
  }

  count(): Promise<number> {
    return this.prisma.user.count();
  }

  /**
   * Accounts in total and those active in the last 30 and 180 days, for NodeInfo. Active means a session seen or a
   * sign-in recorded in the window: sessions alone cannot tell, since they are purged when they expire (30 days at
   * most) or end, while the audit trail keeps every sign-in.
   */
  async countActivity(): Promise<{ total: number; activeMonth: number; activeHalfyear: number }> {
    const rows = await this.prisma.$queryRaw<Array<{ total: number; active_month: number; active_halfyear: number }>>`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE a.last_at > now() - interval '30 days')::int AS active_month,
             count(*) FILTER (WHERE a.last_at > now() - interval '180 days')::int AS active_halfyear
        FROM users u
        CROSS JOIN LATERAL (
          SELECT greatest(
            (SELECT max(s.last_seen_at) FROM sessions s WHERE s.user_id = u.id),
            (SELECT max(e.occurred_at) FROM audit_events e
              WHERE e.actor_id = u.id AND e.action = 'auth.sign_in' AND e.occurred_at > now() - interval '180 days')
          ) AS last_at) a`;
    const row = rows[0];
    return {
      total: row?.total ?? 0,
      activeMonth: row?.active_month ?? 0,
      activeHalfyear: row?.active_halfyear ?? 0,
    };
  }

  /** Whether a user or an organization has the name: the two share one namespace (`/@name`). */
  async handleExists(handle: string): Promise<boolean> {
    const [users, organizations] = await Promise.all([
      this.prisma.user.count({ where: { handle } }),
      this.prisma.organization.count({ where: { slug: handle } }),
    ]);
    return users + organizations > 0;
  }

  update(id: string, changes: UserChanges) {
    const data = changes.email === undefined ? changes : { ...changes, email: normalizeEmail(changes.email) };
    return this.prisma.user.update({ where: { id }, data });
  }

  /** Sessions, identities, factors, tokens and email tokens go with it (ON DELETE CASCADE); the audit trail stays. */
  async delete(id: string): Promise<boolean> {
    const { count } = await this.prisma.user.deleteMany({ where: { id } });
    return count === 1;
  }

  setRole(id: string, role: UserRole) {
    return this.prisma.user.update({ where: { id }, data: { role } });
  }

  markEmailVerified(id: string, at: Date) {
    return this.prisma.user.update({ where: { id }, data: { emailVerifiedAt: at } });
  }

  isInvited(email: string): Promise<boolean> {
    return this.prisma.invitation.count({ where: { email: normalizeEmail(email) } }).then((count) => count > 0);
  }

  invite(email: string, createdBy: string | null) {
    const normalized = normalizeEmail(email);
    return this.prisma.invitation.upsert({
      where: { email: normalized },
      create: { email: normalized, createdBy },
      update: {},
    });
  }
}

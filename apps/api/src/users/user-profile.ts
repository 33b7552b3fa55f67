import type { User } from '../generated/prisma/client';

/** What the API shows of a user to that user (session, account settings, /me): one mapping for every route. */
export interface UserProfile {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  avatarUrl: string | null;
  /** Shown on the public profile page (/@handle). */
  bio: string;
  role: 'user' | 'admin';
}

export function toUserProfile(user: User): UserProfile {
  return {
    id: user.id,
    email: user.email,
    handle: user.handle,
    displayName: user.displayName,
    avatarUrl: user.avatarUrl,
    bio: user.bio,
    role: user.role,
  };
}

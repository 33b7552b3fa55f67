import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class SessionUser {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() handle: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ type: String, nullable: true }) avatarUrl: string | null;
  @ApiProperty({ description: 'Shown on the public profile page (/@handle); may be empty', maxLength: 500 })
  bio: string;
  @ApiProperty({ enum: ['user', 'admin'] }) role: 'user' | 'admin';
}

export class SignInMethods {
  @ApiProperty({ description: 'Magic links by email are always available' }) email: boolean;
  @ApiProperty() github: boolean;
  @ApiProperty() google: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'Label of the SSO button, or null when not configured' })
  sso: string | null;
  @ApiProperty() passkey: boolean;
  @ApiProperty({ description: 'Whether people without an account or invitation can sign up' })
  registration: boolean;
}

/** What this instance offers beyond the basics, so the web app shows only what works. */
export class InstanceFeatures {
  @ApiProperty({ description: 'Stripe billing is on: plans, billing pages and limits (docs/billing.md)' })
  billing: boolean;
}

export class SessionState {
  @ApiProperty({ enum: ['anonymous', 'pending_second_factor', 'active'] })
  status: 'anonymous' | 'pending_second_factor' | 'active';

  @ApiPropertyOptional({
    type: SessionUser,
    description: 'Present once signed in (also while the second factor is owed)',
  })
  user?: SessionUser;

  @ApiPropertyOptional({ description: 'Send as X-CSRF-Token on every state-changing request of this session' })
  csrfToken?: string;

  @ApiProperty({ type: SignInMethods })
  methods: SignInMethods;

  @ApiProperty({ type: InstanceFeatures })
  features: InstanceFeatures;
}

export class ActiveSession {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'This is the session making the request' }) current: boolean;
  @ApiProperty() authMethod: string;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Client network, truncated' }) ipPrefix: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) lastSeenAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class RevokedCount {
  @ApiProperty() revoked: number;
}

export class SecurityEvent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'auth.sign_in' }) action: string;
  @ApiProperty({ type: String, nullable: true }) ipPrefix: string | null;
  @ApiProperty({ type: String, nullable: true }) userAgent: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) metadata: Record<string, unknown>;
}

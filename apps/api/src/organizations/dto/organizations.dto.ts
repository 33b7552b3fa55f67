import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, IsString, IsUrl, Length, Matches, MaxLength, ValidateIf } from 'class-validator';
import { ORGANIZATION_ROLES, type OrganizationRole } from '../../access/permissions';
import { VisibleName } from '../../common/text/visible-name';

const SLUG_DESCRIPTION =
  '2–39 lowercase letters, digits or single hyphens, like a user handle (ORGANIZATION_SLUG_INVALID otherwise); ' +
  'one namespace with user handles (HANDLE_TAKEN)';

export class CreateOrganizationRequest {
  @ApiProperty({ description: SLUG_DESCRIPTION, example: 'acme' })
  @IsString()
  @MaxLength(64)
  slug: string;

  @ApiProperty({ minLength: 1, maxLength: 80, example: 'Acme Corp' })
  @VisibleName()
  @IsString()
  @Length(1, 80)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'https only', nullable: true, type: String, maxLength: 2048 })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false }, { message: 'avatarUrl must be https' })
  @MaxLength(2048)
  avatarUrl?: string | null;

  @ApiPropertyOptional({ description: 'http or https', nullable: true, type: String, maxLength: 2048 })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  websiteUrl?: string | null;
}

export class UpdateOrganizationRequest {
  @ApiPropertyOptional({ description: SLUG_DESCRIPTION })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  slug?: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 80 })
  @IsOptional()
  @VisibleName()
  @IsString()
  @Length(1, 80)
  @Matches(/\S/, { message: 'name must not be blank' })
  name?: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  description?: string;

  @ApiPropertyOptional({ description: 'https only; null removes it', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsUrl({ protocols: ['https'], require_protocol: true, require_tld: false }, { message: 'avatarUrl must be https' })
  @MaxLength(2048)
  avatarUrl?: string | null;

  @ApiPropertyOptional({ description: 'http or https; null removes it', nullable: true, type: String })
  @IsOptional()
  @ValidateIf((_object, value) => value !== null)
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false })
  @MaxLength(2048)
  websiteUrl?: string | null;
}

export class OrganizationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) websiteUrl: string | null;
  @ApiProperty({ enum: ORGANIZATION_ROLES, description: 'Your role in it' }) role: OrganizationRole;
  @ApiProperty() memberCount: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class OrganizationList {
  @ApiProperty({ type: [OrganizationView] }) items: OrganizationView[];
}

export class MemberView {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() handle: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ nullable: true, type: String }) avatarUrl: string | null;
  @ApiProperty({ enum: ORGANIZATION_ROLES }) role: OrganizationRole;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class MemberList {
  @ApiProperty({ type: [MemberView] }) items: MemberView[];
}

export class ChangeRoleRequest {
  @ApiProperty({ enum: ORGANIZATION_ROLES })
  @IsIn(ORGANIZATION_ROLES)
  role: OrganizationRole;
}

export class CreateInvitationRequest {
  @ApiProperty({ format: 'email', description: 'Only a verified account with this address may accept' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ORGANIZATION_ROLES })
  @IsIn(ORGANIZATION_ROLES)
  role: OrganizationRole;
}

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export class OrganizationInvitationView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Lower-cased' }) email: string;
  @ApiProperty({ enum: ORGANIZATION_ROLES }) role: OrganizationRole;
  @ApiProperty({ enum: INVITATION_STATUSES }) status: InvitationStatus;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class OrganizationInvitationList {
  @ApiProperty({ type: [OrganizationInvitationView] }) items: OrganizationInvitationView[];
}

export class InvitationListQuery {
  @ApiPropertyOptional({ enum: ['pending', 'all'], description: 'pending (default) or all, with their status' })
  @IsOptional()
  @IsIn(['pending', 'all'])
  status?: 'pending' | 'all';
}

export class InvitationOrganization {
  @ApiProperty() slug: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) avatarUrl: string | null;
}

export class InvitationPreview {
  @ApiProperty({ type: InvitationOrganization }) organization: InvitationOrganization;
  @ApiProperty({ enum: ORGANIZATION_ROLES }) role: OrganizationRole;
  @ApiProperty({ description: 'The invited address, masked (a***@example.org)' }) email: string;
  @ApiProperty({ description: 'Whether your verified address is the invited one' }) forYou: boolean;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class InvitationAccepted {
  @ApiProperty({ type: OrganizationView }) organization: OrganizationView;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsObject, IsString, Length, Matches } from 'class-validator';
import { VisibleName } from '../../common/text/visible-name';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** PublicKeyCredentialCreationOptionsJSON, to hand to @simplewebauthn/browser's startRegistration(). */
export class PasskeyCreationOptions {
  @ApiProperty({ description: 'base64url' }) challenge: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ id, name }' }) rp: object;
  @ApiProperty({ type: 'object', additionalProperties: true, description: '{ id (base64url), name, displayName }' })
  user: object;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  pubKeyCredParams: object[];
  @ApiPropertyOptional() timeout?: number;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'The passkeys already registered, so the authenticator does not make a second one',
  })
  excludeCredentials?: object[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  authenticatorSelection?: object;
  @ApiPropertyOptional() attestation?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'string' } }) hints?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) extensions?: object;
}

/** PublicKeyCredentialRequestOptionsJSON, to hand to @simplewebauthn/browser's startAuthentication(). */
export class PasskeyRequestOptions {
  @ApiProperty({ description: 'base64url' }) challenge: string;
  @ApiPropertyOptional() timeout?: number;
  @ApiPropertyOptional() rpId?: string;
  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    description: 'Absent for a usernameless sign-in; the account’s passkeys for a second factor',
  })
  allowCredentials?: object[];
  @ApiPropertyOptional({ enum: ['required', 'preferred', 'discouraged'] }) userVerification?: string;
  @ApiPropertyOptional({ type: 'array', items: { type: 'string' } }) hints?: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) extensions?: object;
}

export class PasskeyChallenge {
  @ApiProperty({ description: 'Send back with the response' }) challengeId: string;
  @ApiProperty({ type: PasskeyRequestOptions }) options: PasskeyRequestOptions;
}

export class RegisterPasskeyBody {
  @ApiProperty({ minLength: 1, maxLength: 64, example: 'Laptop' })
  @Transform(trim)
  @VisibleName()
  @IsString()
  @Length(1, 64)
  name: string;

  // Checked in full by the WebAuthn verification; browsers add fields over time, so no closed schema here.
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'RegistrationResponseJSON, as @simplewebauthn/browser startRegistration() returns it',
  })
  @IsObject()
  response: Record<string, unknown>;
}

export class RenamePasskeyBody {
  @ApiProperty({ minLength: 1, maxLength: 64 })
  @Transform(trim)
  @VisibleName()
  @IsString()
  @Length(1, 64)
  name: string;
}

export class VerifyPasskeyBody {
  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  @Matches(/^[A-Za-z0-9_-]{1,128}$/)
  challengeId: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'AuthenticationResponseJSON, as @simplewebauthn/browser startAuthentication() returns it',
  })
  @IsObject()
  response: Record<string, unknown>;
}

export class PasskeyView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt: string | null;
  @ApiProperty({ description: 'Whether the passkey is synced to a backup (e.g. a password manager)' })
  backedUp: boolean;
  @ApiProperty({ enum: ['singleDevice', 'multiDevice'] }) deviceType: string;
}

export class SignInStatus {
  @ApiProperty({ enum: ['active'] }) status: 'active';
}

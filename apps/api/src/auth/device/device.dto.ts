import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { API_SCOPES } from '../scopes';

// Shown to the person approving, so no control characters.
const PRINTABLE = /^[^\p{Cc}\p{Cf}]+$/u;

export class DeviceCodeRequest {
  @ApiProperty({ minLength: 1, maxLength: 80, example: 'lynxprompt-cli', description: 'Shown as the client name' })
  @IsString()
  @Length(1, 80)
  @Matches(PRINTABLE, { message: 'client_id must be printable text' })
  client_id: string;

  @ApiPropertyOptional({
    example: 'profile:read blueprints:read',
    description: `Space-separated subset of: ${API_SCOPES.join(', ')}. Default: profile:read blueprints:read`,
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  scope?: string;
}

export class DeviceCodeResponse {
  @ApiProperty({ description: 'The device polls the token endpoint with this secret' }) device_code: string;
  @ApiProperty({ example: 'BCDF-GHJK', description: 'What the person types at verification_uri' }) user_code: string;
  @ApiProperty({ example: 'https://lynxprompt.example/device' }) verification_uri: string;
  @ApiProperty({ example: 'https://lynxprompt.example/device?code=BCDF-GHJK' }) verification_uri_complete: string;
  @ApiProperty({ example: 600, description: 'Seconds until both codes expire' }) expires_in: number;
  @ApiProperty({ example: 5, description: 'Minimum seconds between polls' }) interval: number;
}

/** The token request's fields; an interface, so the global pipe leaves the body to DeviceTokenParamsPipe. */
export interface DeviceTokenParams {
  grant_type: string;
  device_code: string;
  client_id: string;
}

export class DeviceTokenRequest implements DeviceTokenParams {
  @ApiProperty({ example: 'urn:ietf:params:oauth:grant-type:device_code' })
  @IsString()
  @IsNotEmpty()
  grant_type: string;

  @ApiProperty()
  @IsString()
  @IsNotEmpty()
  device_code: string;

  @ApiProperty({ example: 'lynxprompt-cli', description: 'The client_id the device code was issued to' })
  @IsString()
  @IsNotEmpty()
  client_id: string;
}

export class DeviceTokenResponse {
  @ApiProperty({ description: 'An API token (lp_…) to send as Authorization: Bearer' }) access_token: string;
  @ApiProperty({ enum: ['Bearer'] }) token_type: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires' }) expires_in: number;
  @ApiProperty({ example: 'profile:read blueprints:read' }) scope: string;
}

/** RFC 6749 §5.2 error body: the token endpoint's documented exception to the error envelope. */
export class DeviceTokenErrorResponse {
  @ApiProperty({
    enum: [
      'authorization_pending',
      'slow_down',
      'access_denied',
      'expired_token',
      'invalid_grant',
      'unsupported_grant_type',
      'invalid_request',
    ],
  })
  error: string;

  @ApiProperty() error_description: string;
  @ApiProperty({ description: 'Echoes the X-Request-Id header of the response' }) requestId: string;
}

export class DeviceRequestView {
  @ApiProperty({ example: 'BCDF-GHJK' }) userCode: string;
  @ApiProperty({ example: 'lynxprompt-cli', description: 'The client_id the device presented; not verified' })
  clientName: string;
  @ApiProperty({ enum: API_SCOPES, isArray: true }) scopes: string[];
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
  @ApiProperty({ enum: ['pending', 'approved', 'denied', 'consumed'] })
  status: 'pending' | 'approved' | 'denied' | 'consumed';
}

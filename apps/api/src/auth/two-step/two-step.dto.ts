import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class TotpSetupView {
  @ApiProperty({ example: 'otpauth://totp/LynxPrompt:ada?secret=…&issuer=LynxPrompt' }) otpauthUri: string;
  @ApiProperty({ description: 'The otpauth URI as a QR code, a data:image/png;base64 URL' }) qrCodeDataUrl: string;
  @ApiProperty({ description: 'Base32, for typing into an app that cannot scan' }) secret: string;
}

export class TotpCodeBody {
  @ApiProperty({ example: '123456', description: 'The 6-digit code the authenticator app shows' })
  @IsString()
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;
}

export class RecoveryCodeBody {
  @ApiProperty({ example: 'ab12-cd34-ef56' })
  @IsString()
  @Length(1, 64)
  code: string;
}

export class RecoveryCodesView {
  @ApiProperty({
    type: [String],
    description: 'Ten single-use codes; shown this once, only their hashes are kept',
    example: ['ab12-cd34-ef56'],
  })
  recoveryCodes: string[];
}

export class TwoStepStatusView {
  @ApiProperty() totpEnabled: boolean;
  @ApiProperty({ description: 'Unused recovery codes (0 while two-step is off)' }) recoveryCodesRemaining: number;
  @ApiProperty({ description: 'How many passkeys the account has (each can serve as the second factor)' })
  passkeys: number;
}

export class SecondFactorStatus {
  @ApiProperty({ enum: ['active'] }) status: 'active';
}

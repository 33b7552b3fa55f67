import { ApiProperty } from '@nestjs/swagger';

/** The public half of a signing key, as the manifest publishes it. */
export class PublicKeyView {
  @ApiProperty({ example: 'Yw3vQm2T1xgq8K0d', description: 'Fingerprint of the key: the keyId of signatures' })
  id: string;

  @ApiProperty({ enum: ['Ed25519'] })
  algorithm: 'Ed25519';

  @ApiProperty({ description: 'The raw 32-byte public key, base64url without padding' })
  key: string;
}

/** This instance's active key, with when it was made. */
export class InstancePublicKeyView extends PublicKeyView {
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

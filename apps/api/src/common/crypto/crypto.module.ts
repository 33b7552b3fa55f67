import { Global, Module } from '@nestjs/common';
import type { AppConfig } from '../../config/config';
import { APP_CONFIG } from '../../config/config.module';
import { FieldEncryption } from './field-encryption';

@Global()
@Module({
  providers: [
    {
      provide: FieldEncryption,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new FieldEncryption(config.secrets.encryptionKey, config.secrets.previousEncryptionKeys),
    },
  ],
  exports: [FieldEncryption],
})
export class CryptoModule {}

import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';

/** GitHub, Google and generic OpenID Connect sign-in, and linking provider identities. */
@Module({ imports: [AuthModule] })
export class OAuthModule {}

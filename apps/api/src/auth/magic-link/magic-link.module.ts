import { Module } from '@nestjs/common';
import { MailModule } from '../../mail/mail.module';
import { UsersModule } from '../../users/users.module';
import { AuthModule } from '../auth.module';
import { EmailTokenRepository } from './email-token.repository';
import { EmailTokenService } from './email-token.service';
import { KnownDeviceCookie } from './known-device';
import { MagicLinkController } from './magic-link.controller';
import { MagicLinkService } from './magic-link.service';

/** Magic-link sign-in (request, verify), and the single-use emailed tokens the account settings use too. */
@Module({
  imports: [AuthModule, UsersModule, MailModule],
  controllers: [MagicLinkController],
  providers: [EmailTokenRepository, EmailTokenService, KnownDeviceCookie, MagicLinkService],
  exports: [EmailTokenService],
})
export class MagicLinkModule {}

import { Module } from '@nestjs/common';
import { MailService } from './mail.service';

/** Outgoing mail (SMTP, or the server log in embedded mode). */
@Module({ providers: [MailService], exports: [MailService] })
export class MailModule {}

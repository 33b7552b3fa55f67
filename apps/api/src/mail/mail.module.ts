import { Module } from '@nestjs/common';

/** Outgoing mail (SMTP, or the server log in embedded mode). */
@Module({})
export class MailModule {}

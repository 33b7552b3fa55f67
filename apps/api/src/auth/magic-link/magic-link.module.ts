import { Module } from '@nestjs/common';
import { AuthModule } from '../auth.module';

/** Magic-link sign-in (request, verify). */
@Module({ imports: [AuthModule] })
export class MagicLinkModule {}

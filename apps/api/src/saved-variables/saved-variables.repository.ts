import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class SavedVariablesRepository {
  constructor(private readonly prisma: PrismaService) {}

  list(userId: string) {
    return this.prisma.savedVariable.findMany({ where: { userId }, orderBy: { name: 'asc' } });
  }

  upsert(userId: string, name: string, valueEncrypted: string) {
    return this.prisma.savedVariable.upsert({
      where: { userId_name: { userId, name } },
      create: { userId, name, valueEncrypted },
      update: { valueEncrypted },
    });
  }

  async delete(userId: string, name: string): Promise<boolean> {
    const { count } = await this.prisma.savedVariable.deleteMany({ where: { userId, name } });
    return count > 0;
  }

  count(userId: string): Promise<number> {
    return this.prisma.savedVariable.count({ where: { userId } });
  }
}

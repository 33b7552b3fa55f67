import { Injectable } from '@nestjs/common';
import { PrismaService } from '../../database/prisma.service';

export interface NewPasskey {
  userId: string;
  credentialId: string;
  publicKey: Uint8Array<ArrayBuffer>;
  counter: bigint;
  transports: string[];
  deviceType: string;
  backedUp: boolean;
  name: string;
}

@Injectable()
export class PasskeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  create(passkey: NewPasskey) {
    return this.prisma.passkey.create({ data: passkey });
  }

  listForUser(userId: string) {
    return this.prisma.passkey.findMany({ where: { userId }, orderBy: { createdAt: 'asc' } });
  }

  countForUser(userId: string) {
    return this.prisma.passkey.count({ where: { userId } });
  }

  findByCredentialId(credentialId: string) {
    return this.prisma.passkey.findUnique({ where: { credentialId } });
  }

  findOwned(id: string, userId: string) {
    return this.prisma.passkey.findFirst({ where: { id, userId } });
  }

  async rename(id: string, userId: string, name: string): Promise<boolean> {
    return (await this.prisma.passkey.updateMany({ where: { id, userId }, data: { name } })).count === 1;
  }

  async delete(id: string, userId: string): Promise<boolean> {
    return (await this.prisma.passkey.deleteMany({ where: { id, userId } })).count === 1;
  }

  /**
   * Records a verified use. Conditional on the counter still being the one that was checked, so two concurrent
   * assertions carrying the same counter cannot both pass the regression check.
   */
  async recordUse(
    id: string,
    expectedCounter: bigint,
    use: { counter: bigint; backedUp: boolean; deviceType: string; at: Date },
  ): Promise<boolean> {
    const { count } = await this.prisma.passkey.updateMany({
      where: { id, counter: expectedCounter },
      data: { counter: use.counter, backedUp: use.backedUp, deviceType: use.deviceType, lastUsedAt: use.at },
    });
    return count === 1;
  }
}

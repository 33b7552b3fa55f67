import { Injectable } from '@nestjs/common';
import { Prisma } from '../../generated/prisma/client';
import { PrismaService } from '../../database/prisma.service';

const REMOTE_VIEW = {
  peer: { select: { id: true, domain: true, baseUrl: true, status: true, signed: true } },
} satisfies Prisma.RemoteBlueprintInclude;

export type RemoteBlueprintRow = Prisma.RemoteBlueprintGetPayload<{ include: typeof REMOTE_VIEW }>;

@Injectable()
export class RemoteBlueprintsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findById(id: string): Promise<RemoteBlueprintRow | null> {
    return this.prisma.remoteBlueprint.findUnique({ where: { id }, include: REMOTE_VIEW });
  }

  /** Keeps the first hiding time when hidden twice. False when there is no such row. */
  async hide(id: string, adminId: string): Promise<boolean> {
    const count = await this.prisma.$executeRaw`
      UPDATE remote_blueprints
         SET hidden_at = coalesce(hidden_at, now()), hidden_by = coalesce(hidden_by, ${adminId}::uuid),
             listed = false, updated_at = now()
       WHERE id = ${id}`;
    return count > 0;
  }

  /** Listed again only when its peer is (the peers service decides that). False when there is no such row. */
  async unhide(id: string, peerListed: boolean): Promise<boolean> {
    const count = await this.prisma.$executeRaw`
      UPDATE remote_blueprints
         SET hidden_at = NULL, hidden_by = NULL, listed = ${peerListed}, updated_at = now()
       WHERE id = ${id}`;
    return count > 0;
  }
}

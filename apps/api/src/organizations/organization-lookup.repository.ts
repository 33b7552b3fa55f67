import { Injectable } from '@nestjs/common';
import { PrismaService } from '../database/prisma.service';

@Injectable()
export class OrganizationLookupRepository {
  constructor(private readonly prisma: PrismaService) {}

  bySlug(slug: string) {
    return this.prisma.organization.findUnique({ where: { slug: slug.toLowerCase() } });
  }
}

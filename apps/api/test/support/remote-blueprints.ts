import { createHash } from 'node:crypto';
import { newPublicId } from '../../src/blueprints/blueprint-rules';
import { PrismaService } from '../../src/database/prisma.service';
import type { Prisma } from '../../src/generated/prisma/client';
import { scanContent, type ScanFinding } from '../../src/scanning';
import type { TestApp } from './test-app';

// Fixtures for federation tests: peers and crawled remote blueprints written straight to the database, as the
// crawler would leave them. The app under test reads them through its own modules.

export interface PeerFixture {
  id: string;
  domain: string;
  baseUrl: string;
}

function prismaOf(testApp: TestApp): PrismaService {
  return testApp.app.nest.get(PrismaService);
}

export async function insertPeer(
  testApp: TestApp,
  domain: string,
  options: { signed?: boolean; status?: 'pending' | 'verified' | 'failing' | 'suspended' | 'blocked' } = {},
): Promise<PeerFixture> {
  const baseUrl = `https://${domain}`;
  const peer = await prismaOf(testApp).peer.create({
    data: { domain, baseUrl, source: 'admin', status: options.status ?? 'verified', signed: options.signed ?? true },
  });
  return { id: peer.id, domain, baseUrl };
}

export interface RemoteBlueprintFixture {
  name: string;
  description?: string;
  kind?: 'rules' | 'command' | 'skill' | 'agent' | 'mcp_config';
  format?: string;
  tool?: string;
  category?: string | null;
  tags?: string[];
  license?: string;
  authorHandle?: string | null;
  authorName?: string;
  remoteVersion?: number | null;
  content?: string;
  favoriteCount?: number;
  downloadCount?: number;
  findings?: number;
  /** What the crawler's scan stored; by default the real scan of the content, as the crawler makes it. */
  scanFindings?: ScanFinding[];
  createdAt?: Date;
  listed?: boolean;
}

export const REMOTE_RULE = '# Remote rule\n\nWrite tests first. Name the service [[SERVICE|api]].\n';

/** One crawled copy; the canonical URL follows the peer's `/blueprints/<remote id>` pages. */
export async function insertRemoteBlueprint(testApp: TestApp, peer: PeerFixture, fixture: RemoteBlueprintFixture) {
  const content = fixture.content ?? REMOTE_RULE;
  const remoteId = newPublicId('bp');
  const createdAt = fixture.createdAt ?? new Date();
  return prismaOf(testApp).remoteBlueprint.create({
    data: {
      id: newPublicId('rb'),
      peerId: peer.id,
      remoteId,
      name: fixture.name,
      description: fixture.description ?? '',
      kind: fixture.kind ?? 'rules',
      format: fixture.format ?? 'cursor-rules',
      tool: fixture.tool ?? 'cursor',
      category: fixture.category ?? null,
      tags: fixture.tags ?? [],
      license: fixture.license ?? 'MIT',
      authorHandle: fixture.authorHandle === undefined ? 'carol' : fixture.authorHandle,
      authorName: fixture.authorName ?? 'Carol Remote',
      remoteVersion: fixture.remoteVersion === undefined ? 1 : fixture.remoteVersion,
      content,
      contentHash: createHash('sha256').update(content, 'utf8').digest('hex'),
      sizeBytes: Buffer.byteLength(content, 'utf8'),
      canonicalUrl: `${peer.baseUrl}/blueprints/${remoteId}`,
      rawUrl: `${peer.baseUrl}/api/v1/blueprints/${remoteId}/raw`,
      favoriteCount: fixture.favoriteCount ?? 0,
      downloadCount: fixture.downloadCount ?? 0,
      findings: fixture.findings ?? 0,
      scanFindings: (fixture.scanFindings ?? (await scanContent(content)).findings) as unknown as Prisma.InputJsonValue,
      remoteCreatedAt: createdAt,
      remoteUpdatedAt: createdAt,
      fetchedAt: new Date(),
      listed: fixture.listed ?? true,
    },
  });
}

import { Injectable } from '@nestjs/common';
import { Prisma } from '../generated/prisma/client';
import { PrismaService } from '../database/prisma.service';

/** The tables ts_stat reads, per side of the catalogue, and the vectors counted in each (see catalog-plan.ts). */
const SIDES = [
  { side: 'local', table: 'blueprints' },
  { side: 'remote', table: 'remote_blueprints' },
] as const;
const VECTORS = [
  { field: 'name', column: 'name_vector' },
  { field: 'name_tags', column: 'name_tags_vector' },
  { field: 'meta', column: 'meta_vector' },
  { field: 'content', column: 'content_vector' },
] as const;

/** Vocabulary words shorter than this are never suggested (no typo budget), longer ones are not words. */
const VOCABULARY_WORD_LENGTH = { min: 3, max: 64 };

/**
 * search_statistics and search_vocabulary: recomputed whole, in one transaction, so readers see either the old
 * figures or the new ones. ts_stat reads every listed vector (about 6 s for the content of 100,000 blueprints).
 */
@Injectable()
export class SearchStatisticsRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Changes whenever a listed blueprint is added, changed or removed, on either side. */
  async fingerprint(): Promise<string> {
    const rows = await this.prisma.$queryRaw<{ fingerprint: string }[]>`
      SELECT md5(concat_ws('|',
               (SELECT count(*) FROM blueprints WHERE listed), (SELECT max(updated_at) FROM blueprints),
               (SELECT count(*) FROM remote_blueprints WHERE listed), (SELECT max(updated_at) FROM remote_blueprints)
             )) AS fingerprint`;
    return rows[0]?.fingerprint ?? '';
  }

  /** Whether the statistics were last taken at `fingerprint` (read by value: the key's first column). */
  async isCurrent(fingerprint: string): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ current: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM search_statistics WHERE value = ${fingerprint} AND field = 'fingerprint') AS current`;
    return rows[0]?.current === true;
  }

  /** Whether statistics were ever taken. */
  async exist(): Promise<boolean> {
    const rows = await this.prisma.$queryRaw<{ found: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM search_statistics WHERE value = '' AND field = 'total') AS found`;
    return rows[0]?.found === true;
  }

  async refresh(fingerprint: string): Promise<void> {
    // The statements ts_stat runs are our own constants (table and column names), never input.
    const counts = SIDES.flatMap(({ side, table }) => [
      ...VECTORS.map(
        ({ field, column }) => Prisma.sql`
          SELECT ${side}::text, ${field}::text, word, ndoc
            FROM ts_stat(${`SELECT ${column} FROM ${table} WHERE listed`})`,
      ),
      Prisma.sql`SELECT ${side}::text, 'total'::text, ''::text, count(*)::int FROM ${Prisma.raw(table)} WHERE listed`,
      // The filters a search plan weighs (see filterShareOf in catalog.repository.ts).
      Prisma.sql`SELECT ${side}::text, 'kind'::text, kind::text, count(*)::int FROM ${Prisma.raw(table)}
                  WHERE listed GROUP BY kind`,
      Prisma.sql`SELECT ${side}::text, 'tool'::text, tool, count(*)::int FROM ${Prisma.raw(table)}
                  WHERE listed GROUP BY tool`,
      Prisma.sql`SELECT ${side}::text, 'tag'::text, tag, count(*)::int FROM ${Prisma.raw(table)}, unnest(tags) AS tag
                  WHERE listed GROUP BY tag`,
    ]);
    const names = SIDES.map(
      ({ table }) =>
        `SELECT to_tsvector('simple', name || ' ' || array_to_string(tags, ' ')) FROM ${table} WHERE listed`,
    ).join(' UNION ALL ');
    await this.prisma.$transaction([
      this.prisma.$executeRaw`DELETE FROM search_statistics`,
      this.prisma.$executeRaw`
        INSERT INTO search_statistics (side, field, value, docs)
        ${Prisma.join(counts, ' UNION ALL ')}
        UNION ALL SELECT 'local', 'fingerprint', ${fingerprint}, 0`,
      this.prisma.$executeRaw`DELETE FROM search_vocabulary`,
      this.prisma.$executeRaw`
        INSERT INTO search_vocabulary (word, docs)
        SELECT word, ndoc FROM ts_stat(${names})
         WHERE length(word) BETWEEN ${VOCABULARY_WORD_LENGTH.min} AND ${VOCABULARY_WORD_LENGTH.max}`,
    ]);
  }
}

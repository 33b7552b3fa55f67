import { SearchStatistics } from '../../src/blueprints/search-statistics';
import type { SignedIn } from './sign-in';
import type { TestApp } from './test-app';

/** A realistic Cursor rule with frontmatter: the default content of blueprints made by tests. */
export const SAMPLE_RULE = [
  '---',
  'description: TypeScript conventions for the web app',
  'globs: src/**/*.ts, src/**/*.tsx',
  'alwaysApply: false',
  '---',
  '# TypeScript conventions',
  '',
  'Use strict mode. Prefer `unknown` over `any`. Name the project [[PROJECT|acme]].',
  '',
].join('\n');

/**
 * Any character the scanner's invisible-character rules cover (tag characters, zero-width characters, bidi controls,
 * variation selectors), written out independently of the scanner: a stripped file must match none. The joiner and
 * the selectors stand outside the class, where they cannot read as part of a combined character.
 */
export const INVISIBLE_CHARACTER =
  /[\u{E0000}-\u{E007F}\u200B\u200C\u2060-\u2064\u202A-\u202E\u2066-\u2069]|\u200D|[\uFE00-\uFE0F]/u;

export interface BlueprintBody {
  id: string;
  revision: number;
  version: number;
  content: string;
  [key: string]: unknown;
}

export async function createBlueprint(
  owner: SignedIn,
  overrides: Record<string, unknown> = {},
  expectedStatus = 201,
): Promise<BlueprintBody> {
  const response = await owner.agent
    .post('/api/v1/blueprints')
    .set(owner.writeHeaders)
    .send({
      name: 'TypeScript conventions',
      kind: 'rules',
      format: 'cursor-rules',
      content: SAMPLE_RULE,
      tags: ['typescript', 'react'],
      ...overrides,
    })
    .expect(expectedStatus);
  return response.body as BlueprintBody;
}

export const ifMatch = (body: { revision: number }) => ({ 'If-Match': `"r${body.revision}"` });

/**
 * Recomputes the catalogue's search statistics and suggestion vocabulary now, as the scheduled job does every 15
 * minutes: "did you mean" suggests only words the vocabulary holds.
 */
export async function refreshSearchStatistics(testApp: TestApp): Promise<void> {
  await testApp.app.nest.get(SearchStatistics).refresh({ force: true });
}

/** A SKILL.md with the frontmatter the Agent Skills format requires. */
export function skillMd(name: string, description: string, body = `Instructions for ${name}.\n`): string {
  return ['---', `name: ${name}`, `description: ${description}`, '---', body].join('\n');
}

/** A public, published Claude skill called `name`, its SKILL.md named after it. */
export function createPublicSkill(owner: SignedIn, name: string, overrides: Record<string, unknown> = {}) {
  return createBlueprint(owner, {
    name,
    kind: 'skill',
    format: 'claude-skill',
    content: skillMd(name.toLowerCase().replace(/\W+/g, '-'), `Does ${name}`),
    tags: [],
    visibility: 'public',
    publish: true,
    ...overrides,
  });
}

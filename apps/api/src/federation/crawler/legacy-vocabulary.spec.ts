import { listFormats } from '@lynxprompt/formats';
import vocabulary from '../../../test/fixtures/lynxprompt-2.1.0/vocabulary.json';
import { CATEGORIES } from '../../blueprints/blueprint-rules';
import { LEGACY_TYPE_FORMATS, legacyCategory, legacyFormat } from './legacy-vocabulary';

const formats = new Map(listFormats().map((format) => [format.id, format]));

describe('the legacy vocabulary (LynxPrompt 2.1.0)', () => {
  it('has a row for exactly the types the reference product can send, each naming one of our formats', () => {
    expect(Object.keys(LEGACY_TYPE_FORMATS).sort()).toEqual([...vocabulary.templateTypes].sort());
    for (const [type, format] of Object.entries(LEGACY_TYPE_FORMATS)) {
      expect({ type, known: formats.has(format) }).toEqual({ type, known: true });
    }
  });

  it('reads its slash-command types as commands and everything else as rules', () => {
    const commands = ['CURSOR_COMMAND', 'CLAUDE_COMMAND', 'WINDSURF_WORKFLOW', 'COPILOT_PROMPT', 'CONTINUE_PROMPT'];
    for (const type of vocabulary.templateTypes) {
      const kinds = formats.get(legacyFormat(type))?.kinds;
      const expected = [...commands, 'OPENCODE_COMMAND'].includes(type) ? 'command' : 'rules';
      expect({ type, kinds }).toEqual({ type, kinds: [expected] });
    }
  });

  it("keeps each tool's own type with that tool", () => {
    // The type names its tool (CURSOR_MDC → Cursor, KIRO_STEERING → Kiro…); the project-file types and the
    // tool-less ones are the only ones read as the universal AGENTS.md.
    const universal = new Set(['AGENTS_MD', 'CUSTOM', 'CODY_CONFIG']);
    const toolOf = (type: string) => formats.get(legacyFormat(type))?.tool;
    expect(toolOf('CURSOR_MDC')).toBe('cursor');
    expect(toolOf('CURSORRULES')).toBe('cursor');
    expect(toolOf('KIRO_STEERING')).toBe('kiro');
    expect(toolOf('CODEX_MD')).toBe('codex');
    expect(toolOf('COPILOT_PROMPT')).toBe('github-copilot');
    expect(toolOf('WINDSURF_WORKFLOW')).toBe('windsurf');
    const generic = vocabulary.templateTypes.filter((type) => legacyFormat(type) === 'agents-md');
    const projectFiles = generic.filter((type) => !universal.has(type));
    expect(projectFiles.sort()).toEqual(
      [
        'LICENSE',
        'FUNDING',
        'GITIGNORE',
        'README',
        'CONTRIBUTING',
        'CODE_OF_CONDUCT',
        'SECURITY',
        'DOCKERFILE',
        'DOCKER_COMPOSE',
        'GITHUB_ACTIONS',
        'GITLAB_CI',
        'EDITORCONFIG',
        'PRETTIER',
        'ESLINT',
        'PRE_COMMIT',
      ].sort(),
    );
  });

  it('reads a type newer than 2.1.0 as generic rules, whatever its case', () => {
    expect(legacyFormat('SOMETHING_NEW')).toBe('agents-md');
    expect(legacyFormat('cursor_mdc')).toBe('cursor-rules');
    expect(legacyFormat(null)).toBe('agents-md');
  });

  it('maps every category to one of ours, and keeps ours', () => {
    for (const category of vocabulary.categories) {
      expect({ category, ours: CATEGORIES.includes(legacyCategory(category) as never) }).toEqual({
        category,
        ours: true,
      });
    }
    expect(legacyCategory('api')).toBe('backend');
    expect(legacyCategory('SaaS')).toBe('fullstack');
    expect(legacyCategory('security')).toBe('security');
    expect(legacyCategory('astrology')).toBeNull();
    expect(legacyCategory(null)).toBeNull();
  });
});

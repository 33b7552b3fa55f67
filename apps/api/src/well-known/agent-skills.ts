/**
 * Agent Skills Discovery via Well-Known URIs, v0.2.0 (github.com/cloudflare/agent-skills-discovery-rfc): the index
 * format and the naming rules. docs/integrations.md describes what this instance publishes.
 */

/** The opaque identifier of the index format this instance writes. */
export const AGENT_SKILLS_SCHEMA = 'https://schemas.agentskills.io/discovery/0.2.0/schema.json';

/** At most this many skills in one index (the earliest published first): building it is bounded work. */
export const AGENT_SKILLS_INDEX_LIMIT = 1000;

/** The spec's name rules: 1-64 lowercase letters, digits and single inner hyphens. */
export const AGENT_SKILL_NAME = /^(?=.{1,64}$)[a-z0-9]+(?:-[a-z0-9]+)*$/;
const NAME_MAX = 64;
/** The Agent Skills spec caps a description at this many characters. */
const DESCRIPTION_MAX = 1024;

export interface AgentSkillEntry {
  name: string;
  type: 'skill-md' | 'archive';
  description: string;
  url: string;
  digest: string;
}

export interface AgentSkillsIndex {
  $schema: string;
  skills: AgentSkillEntry[];
}

function fitName(base: string, suffix: string): string {
  const room = NAME_MAX - suffix.length;
  return `${base.slice(0, room).replace(/-+$/, '')}${suffix}`;
}

/** A spec-valid name from a blueprint slug: anything else becomes a single hyphen, cut to 64 characters. */
export function skillNameOf(slug: string): string {
  const cleaned = slug
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const name = fitName(cleaned, '');
  return name === '' ? 'skill' : name;
}

/**
 * Hands out names in the order skills are offered (earliest published first), so a name never moves to a newer
 * skill: a clash gets `-2`, `-3`… and the result still follows the rules.
 */
export class SkillNames {
  private readonly taken = new Set<string>();

  claim(slug: string): string {
    const base = skillNameOf(slug);
    let name = base;
    for (let n = 2; this.taken.has(name); n += 1) name = fitName(base, `-${n}`);
    this.taken.add(name);
    return name;
  }
}

/** The index's description: the blueprint's, or its name when it has none, within the spec's 1024 characters. */
export function skillDescription(description: string, name: string): string {
  const text = description.trim() || name.trim() || 'Agent skill';
  return [...text].slice(0, DESCRIPTION_MAX).join('');
}

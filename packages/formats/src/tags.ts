// One spelling of a tag for every way one arrives: API writes, the web editor, search filters and peers' blueprints.

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 32;
/** How much of a tag as typed is looked at: anything near this long cannot normalise to a valid tag anyway. */
export const MAX_TAG_INPUT_LENGTH = 256;

// The output stops growing here (an NFKD expansion can make 256 characters into thousands); half the input cap, so
// a result plus the "dot" or "-" added with its last character still fits in MAX_TAG_INPUT_LENGTH (idempotence).
const MAX_OUTPUT_LENGTH = MAX_TAG_INPUT_LENGTH / 2;
const COMBINING_MARKS = /\p{M}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function isLowerLetter(code: number): boolean {
  return code >= 0x61 && code <= 0x7a;
}

function isLetterOrDigit(code: number): boolean {
  return isLowerLetter(code) || (code >= 0x30 && code <= 0x39);
}

/** [a-z0-9.+#]: what a tag keeps; every run of anything else becomes one "-". */
function isKept(code: number): boolean {
  return isLetterOrDigit(code) || code === 0x2e || code === 0x2b || code === 0x23;
}

/**
 * The canonical spelling of a tag ('' when nothing is left):
 * Unicode NFKD with combining marks removed ("café" → "cafe"), trimmed, lower-cased; a "." directly before the first
 * letter becomes "dot" (".NET" → "dotnet", ".env" → "dotenv"); every run of characters outside [a-z0-9.+#] becomes one
 * "-" ("unit testing" → "unit-testing", "ci/cd" → "ci-cd", "snake_case" → "snake-case"); leading characters other
 * than [a-z0-9] and trailing "-" and "." are removed ("#react" → "react"). "c#", "c++", "node.js" stay as they are.
 * Idempotent, one pass over at most the first MAX_TAG_INPUT_LENGTH characters of `raw`.
 */
export function normaliseTag(raw: string): string {
  const folded = raw.slice(0, MAX_TAG_INPUT_LENGTH).normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
  let tag = '';
  let dotBeforeFirst = false;
  let dashPending = false;
  for (let index = 0; index < folded.length && tag.length < MAX_OUTPUT_LENGTH; index += 1) {
    const code = folded.charCodeAt(index);
    const char = folded.charAt(index);
    if (!isKept(code)) {
      dashPending = tag.length > 0;
      dotBeforeFirst = false;
    } else if (tag.length === 0) {
      if (isLetterOrDigit(code)) tag = dotBeforeFirst && isLowerLetter(code) ? `dot${char}` : char;
      else dotBeforeFirst = code === 0x2e;
    } else {
      tag += dashPending ? `-${char}` : char;
      dashPending = false;
    }
  }
  // A "-" is only written before a kept character, so only "." (and a "-" before it) can trail.
  let end = tag.length;
  while (end > 0 && (tag[end - 1] === '.' || tag[end - 1] === '-')) end -= 1;
  return tag.slice(0, end);
}

/** A tag in its canonical spelling, 1 to MAX_TAG_LENGTH characters. */
export function isValidTag(tag: string): boolean {
  return tag.length > 0 && tag.length <= MAX_TAG_LENGTH && normaliseTag(tag) === tag;
}

export type TagListProblem =
  | { code: 'TOO_MANY_TAGS'; count: number }
  /** `tag` is the normalised spelling, or what was typed when nothing of it is left or it is too long to look at. */
  | { code: 'INVALID_TAG'; tag: string; reason: 'TOO_LONG' | 'NOTHING_LEFT' };

/**
 * Tags a person typed (an API write, the web editor): each normalised, blanks and pure punctuation dropped,
 * duplicates dropped in order. Nothing is cut or dropped silently: a list over MAX_TAGS is the problem, else a tag
 * longer than MAX_TAG_LENGTH once normalised (or than MAX_TAG_INPUT_LENGTH as typed) or one of whose letters nothing
 * is left (e.g. "日本語") is.
 */
export function tagsFromInput(raws: readonly string[]): { tags: string[]; problem?: TagListProblem } {
  const unique = new Set<string>();
  let unusable: TagListProblem | undefined;
  for (const raw of raws) {
    const tag = normaliseTag(raw);
    if (raw.length > MAX_TAG_INPUT_LENGTH) {
      unusable ??= { code: 'INVALID_TAG', tag: `${raw.slice(0, MAX_TAG_LENGTH)}…`, reason: 'TOO_LONG' };
    } else if (tag.length === 0 && LETTER_OR_DIGIT.test(raw)) {
      unusable ??= { code: 'INVALID_TAG', tag: raw.trim(), reason: 'NOTHING_LEFT' };
    }
    if (tag.length > 0) unique.add(tag);
  }
  const tags = [...unique];
  if (tags.length > MAX_TAGS) return { tags, problem: { code: 'TOO_MANY_TAGS', count: tags.length } };
  // Normalised tags are canonical and not empty, so the only way one is invalid is its length.
  const tooLong = tags.find((tag) => !isValidTag(tag));
  const problem: TagListProblem | undefined =
    unusable ?? (tooLong === undefined ? undefined : { code: 'INVALID_TAG', tag: tooLong, reason: 'TOO_LONG' });
  return problem === undefined ? { tags } : { tags, problem };
}

// Invisible characters let a rules file say one thing to the person reading it and another to the agent: Unicode tag
// characters spell ASCII nobody sees, zero-width characters split words so filters miss them, bidi controls reorder
// what is displayed, and runs of variation selectors carry arbitrary bytes. Legitimate uses stay quiet: emoji ZWJ
// sequences and subdivision flags, joiners inside Indic or Persian words, LRM/RLM next to right-to-left text, a
// single variation selector after its base character, and a byte order mark at the very start.

export type InvisibleKind =
  'unicode-tag-characters' | 'zero-width-characters' | 'bidi-control' | 'variation-selector-sequence';

export interface InvisibleRun {
  kind: InvisibleKind;
  /** UTF-16 offsets, end exclusive. */
  start: number;
  end: number;
}

const BLACK_FLAG = 0x1f3f4;
const CANCEL_TAG = 0xe007f;

const isTag = (cp: number): boolean => cp >= 0xe0000 && cp <= 0xe007f;
const isJoiner = (cp: number): boolean => cp === 0x200b || cp === 0x200c || cp === 0x200d;
const isAlwaysZeroWidth = (cp: number): boolean =>
  cp === 0x2060 || (cp >= 0x2061 && cp <= 0x2064) || cp === 0x180e || cp === 0xfeff;
/** Embeddings, overrides and isolates: the characters of "Trojan Source" attacks, never needed in Markdown. */
const isBidiOverride = (cp: number): boolean => (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
/** LRM, RLM and the Arabic letter mark: legitimate next to right-to-left text. */
const isBidiMark = (cp: number): boolean => cp === 0x200e || cp === 0x200f || cp === 0x061c;
const isVariationSelector = (cp: number): boolean => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
const isSupplementaryVariationSelector = (cp: number): boolean => cp >= 0xe0100 && cp <= 0xe01ef;

const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const isRightToLeft = (cp: number | undefined): boolean =>
  cp !== undefined && RIGHT_TO_LEFT.test(String.fromCodePoint(cp));
/**
 * Letters, marks, emoji and their variation selectors outside ASCII: the neighbours a joiner legitimately sits
 * between (👩‍💻, ❤️‍🔥, Persian and Indic words).
 */
const isNonAsciiVisible = (cp: number | undefined): boolean =>
  cp !== undefined &&
  cp > 0x7f &&
  !isTag(cp) &&
  !isJoiner(cp) &&
  !isAlwaysZeroWidth(cp) &&
  !isBidiOverride(cp) &&
  !isBidiMark(cp) &&
  !/\s/u.test(String.fromCodePoint(cp));

// Every character findInvisibleRuns may flag, as code point ranges: a regular expression built from them finds
// candidates far faster than walking the text code point by code point.
const CANDIDATE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x061c, 0x061c],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xe0000, 0xe007f],
  [0xe0100, 0xe01ef],
];
const CANDIDATE_CLASS = CANDIDATE_RANGES.map(
  ([first, last]) => `\\u{${first.toString(16)}}-\\u{${last.toString(16)}}`,
).join('');

function codePointBefore(text: string, index: number): number | undefined {
  if (index <= 0) return undefined;
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.codePointAt(index - 2);
  }
  return low;
}

const charLength = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** Tag characters after 🏴 that spell a subdivision code and end with CANCEL TAG form a flag emoji (🏴󠁧󠁢󠁳󠁣󠁴󠁿). */
function subdivisionFlagEnd(text: string, index: number): number | undefined {
  if (codePointBefore(text, index) !== BLACK_FLAG) return undefined;
  let cursor = index;
  let letters = 0;
  for (
    let cp = text.codePointAt(cursor);
    cp !== undefined && isTag(cp) && cp !== CANCEL_TAG;
    cp = text.codePointAt(cursor)
  ) {
    if (!/[a-z0-9]/.test(String.fromCharCode(cp - 0xe0000))) return undefined;
    letters++;
    cursor += 2;
  }
  return text.codePointAt(cursor) === CANCEL_TAG && letters >= 2 ? cursor + 2 : undefined;
}

function classify(text: string, index: number, cp: number): InvisibleKind | undefined {
  const previous = codePointBefore(text, index);
  const next = text.codePointAt(index + charLength(cp));
  if (isTag(cp)) return 'unicode-tag-characters';
  if (isBidiOverride(cp)) return 'bidi-control';
  if (isBidiMark(cp)) return isRightToLeft(previous) || isRightToLeft(next) ? undefined : 'bidi-control';
  if (cp === 0xfeff && index === 0) return undefined; // byte order mark
  if (isAlwaysZeroWidth(cp)) return 'zero-width-characters';
  if (isJoiner(cp)) return isNonAsciiVisible(previous) && isNonAsciiVisible(next) ? undefined : 'zero-width-characters';
  if (isVariationSelector(cp)) {
    const inSequence =
      (previous !== undefined && isVariationSelector(previous)) || (next !== undefined && isVariationSelector(next));
    const afterAscii = previous !== undefined && previous <= 0x7f;
    return inSequence || (isSupplementaryVariationSelector(cp) && afterAscii)
      ? 'variation-selector-sequence'
      : undefined;
  }
  return undefined;
}

/** Every run of suspicious invisible characters, consecutive characters of one kind merged. */
export function findInvisibleRuns(text: string): InvisibleRun[] {
  const runs: InvisibleRun[] = [];
  const candidates = new RegExp(`[${CANDIDATE_CLASS}]`, 'gu');
  let match: RegExpExecArray | null;
  while ((match = candidates.exec(text))) {
    const index = match.index;
    const cp = text.codePointAt(index)!;
    if (isTag(cp)) {
      const flagEnd = subdivisionFlagEnd(text, index);
      if (flagEnd !== undefined) {
        candidates.lastIndex = flagEnd;
        continue;
      }
    }
    const kind = classify(text, index, cp);
    if (!kind) continue;
    const end = index + charLength(cp);
    const last = runs[runs.length - 1];
    if (last && last.kind === kind && last.end === index) last.end = end;
    else runs.push({ kind, start: index, end });
  }
  return runs;
}

/**
 * Removes exactly the characters the scanner reports (see findInvisibleRuns), so one click clears every invisible-
 * character finding and nothing legitimate: emoji sequences, joiners in Indic and Persian words, LRM/RLM next to
 * right-to-left text and a leading byte order mark stay. `removed` counts code points.
 */
export function stripInvisibleCharacters(content: string): { content: string; removed: number } {
  const runs = findInvisibleRuns(content);
  if (runs.length === 0) return { content, removed: 0 };
  let stripped = '';
  let removed = 0;
  let cursor = 0;
  for (const run of runs) {
    stripped += content.slice(cursor, run.start);
    removed += [...content.slice(run.start, run.end)].length;
    cursor = run.end;
  }
  return { content: stripped + content.slice(cursor), removed };
}

/** The ASCII that tag characters mirror (U+E0041 is 'A'); language and cancel tags are dropped. */
export function decodeTagCharacters(text: string): string {
  let decoded = '';
  for (const char of text) {
    const ascii = char.codePointAt(0)! - 0xe0000;
    if (ascii >= 0x20 && ascii <= 0x7e) decoded += String.fromCharCode(ascii);
  }
  return decoded;
}

/**
 * Bytes smuggled in variation selectors (VS1–16 carry 0–15, VS17–256 carry 16–255), decoded as UTF-8 when they
 * read as text.
 */
export function decodeVariationSelectors(text: string): string | undefined {
  const bytes: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp >= 0xfe00 && cp <= 0xfe0f) bytes.push(cp - 0xfe00);
    else if (cp >= 0xe0100 && cp <= 0xe01ef) bytes.push(cp - 0xe0100 + 16);
  }
  const decoded = Buffer.from(bytes).toString('utf8');
  return /^[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\t]+$/u.test(decoded) ? decoded : undefined;
}

/** U+200B style name of a character, for excerpts and messages. */
export function codePointLabel(char: string): string {
  return `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
}

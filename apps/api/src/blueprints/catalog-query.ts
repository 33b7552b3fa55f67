import { SearchQueryTooComplexError } from './blueprints.errors';

/**
 * The catalogue's reading of a search box: what PostgreSQL's websearch_to_tsquery made of the words, split into what
 * a blueprint must contain and what it must not, plus the typo rules. Pure functions; the SQL lives in the repository.
 */

/** A tsquery as PostgreSQL prints it: quoted lexemes joined by `!`, `&`, `|` and `<->` / `<N>`. */
export type TsNode =
  | { op: 'lexeme'; text: string }
  | { op: 'not'; arg: TsNode }
  | { op: 'and' | 'or'; args: TsNode[] }
  | { op: 'phrase'; distance: string; left: TsNode; right: TsNode };

/** At most this many lexemes in one search: more is refused (SEARCH_QUERY_TOO_COMPLEX) rather than planned. */
export const MAX_SEARCH_TERMS = 32;

/**
 * What websearch_to_tsquery may safely read. Control characters become spaces (PostgreSQL refuses NUL, and the others
 * only separate words), and a `-` means "not" only at the start of a word or phrase: a run of them collapses to one,
 * and one that starts nothing is dropped (150 of those overflowed PostgreSQL's "tsquery stack").
 */
export function sanitiseSearchText(q: string): string {
  return (
    q
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f]/g, ' ')
      .replace(/(?<![\p{L}\p{N}_])-+/gu, (dashes: string, offset: number, whole: string) =>
        /^["\p{L}\p{N}_]/u.test(whole.slice(offset + dashes.length)) ? '-' : ' ',
      )
      .replace(/\s+/g, ' ')
      .trim()
  );
}

const TOKEN = /\s*(?:('(?:[^'\\]|''|\\.)*'(?::[ABCD*]+)?)|(<->|<\d+>)|([!&|()]))/y;

/** Parses tsquery text (as PostgreSQL prints it). Throws on anything else: the caller only feeds it PostgreSQL's output. */
export function parseTsQuery(text: string): TsNode | null {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const match = TOKEN.exec(text);
    if (!match) throw new Error(`unexpected tsquery text at ${TOKEN.lastIndex}`);
    tokens.push((match[1] ?? match[2] ?? match[3]) as string);
  }
  if (tokens.length === 0) return null;
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++] as string;
  // Precedence, loosest first: | then & then <-> then !.
  const or = (): TsNode => {
    const args = [and()];
    while (peek() === '|') {
      take();
      args.push(and());
    }
    return args.length === 1 ? (args[0] as TsNode) : { op: 'or', args };
  };
  const and = (): TsNode => {
    const args = [phrase()];
    while (peek() === '&') {
      take();
      args.push(phrase());
    }
    return args.length === 1 ? (args[0] as TsNode) : { op: 'and', args };
  };
  const phrase = (): TsNode => {
    let left = unary();
    while (peek()?.startsWith('<')) {
      const distance = take();
      left = { op: 'phrase', distance, left, right: unary() };
    }
    return left;
  };
  const unary = (): TsNode => {
    const token = take();
    if (token === '!') return { op: 'not', arg: unary() };
    if (token === '(') {
      const inner = or();
      if (take() !== ')') throw new Error('unbalanced tsquery');
      return inner;
    }
    if (token?.startsWith("'")) return { op: 'lexeme', text: token };
    throw new Error(`unexpected tsquery token ${token}`);
  };
  const tree = or();
  if (at !== tokens.length) throw new Error('trailing tsquery tokens');
  return tree;
}

/** tsquery text for a tree, every compound in parentheses so precedence never depends on the reader. */
export function printTsQuery(node: TsNode, weights = ''): string {
  switch (node.op) {
    case 'lexeme':
      return weights ? `${node.text}:${weights}` : node.text;
    case 'not':
      return `!(${printTsQuery(node.arg, weights)})`;
    case 'phrase':
      return `(${printTsQuery(node.left, weights)} ${node.distance} ${printTsQuery(node.right, weights)})`;
    default:
      return `(${node.args.map((arg) => printTsQuery(arg, weights)).join(node.op === 'and' ? ' & ' : ' | ')})`;
  }
}

function countLexemes(node: TsNode | null): number {
  if (!node) return 0;
  if (node.op === 'lexeme') return 1;
  if (node.op === 'not') return countLexemes(node.arg);
  if (node.op === 'phrase') return countLexemes(node.left) + countLexemes(node.right);
  return node.args.reduce((sum, arg) => sum + countLexemes(arg), 0);
}

/**
 * Splits a query into what must match and what must not. Every `-exclusion` (a word or a phrase) applies to the whole
 * query, wherever it stands: `python or -react` is "python, but nothing about react", never "python, or anything
 * without react" (which would list almost the whole catalogue). A doubled negation (`!!x`, from `- -x`) is plain x.
 */
export function splitExclusions(node: TsNode | null): { positive: TsNode | null; excluded: TsNode[] } {
  if (!node) return { positive: null, excluded: [] };
  switch (node.op) {
    case 'not': {
      if (node.arg.op === 'not') return splitExclusions(node.arg.arg);
      const inner = splitExclusions(node.arg);
      return { positive: null, excluded: [...(inner.positive ? [inner.positive] : []), ...inner.excluded] };
    }
    case 'and':
    case 'or': {
      const parts = node.args.map(splitExclusions);
      const positives = parts.flatMap((part) => (part.positive ? [part.positive] : []));
      return {
        positive:
          positives.length === 0 ? null : positives.length === 1 ? positives[0]! : { op: node.op, args: positives },
        excluded: parts.flatMap((part) => part.excluded),
      };
    }
    default:
      // Lexemes and phrases: websearch_to_tsquery never puts a negation inside a phrase.
      return { positive: node, excluded: [] };
  }
}

/** A lexeme as PostgreSQL printed it, without its quotes and weights. */
export function unquoteLexeme(text: string): string {
  return text
    .replace(/:[ABCD*]+$/, '')
    .slice(1, -1)
    .replace(/''/g, "'")
    .replace(/\\(.)/g, '$1');
}

/**
 * How many edits a typo may be from a word of a name: none below 4 letters (too many short words are one edit apart),
 * one up to 7, two from 8. An edit is an inserted, dropped, changed or swapped letter.
 */
export function typoBudget(word: string): number {
  const length = [...word].length;
  return length < 4 ? 0 : length < 8 ? 1 : 2;
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment), or `budget + 1` as soon as it must exceed
 * `budget`: "pyhton" is one edit from "python", "rust" three from "rule".
 */
export function editDistanceWithin(a: string, b: string, budget: number): number {
  const s = [...a];
  const t = [...b];
  if (Math.abs(s.length - t.length) > budget) return budget + 1;
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const current = [i];
    let rowBest = i;
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, beforePrevious[j - 2]! + 1);
      }
      current.push(value);
      rowBest = Math.min(rowBest, value);
    }
    if (rowBest > budget) return budget + 1;
    beforePrevious = previous;
    previous = current;
  }
  return Math.min(previous[t.length]!, budget + 1);
}

/** A search as the catalogue runs it. */
export interface AnalysedQuery {
  /** What the user typed (trimmed). */
  text: string;
  /** What a blueprint must match anywhere (tsquery text), '' when the query only excludes. */
  match: string;
  /** What a blueprint must not contain anywhere (tsquery text, any of them excludes), '' when nothing is excluded. */
  exclude: string;
  /**
   * `match` without `exclude`, in one tsquery: what a tier asks its own vector's GIN index for, so a match whose
   * excluded word stands in that same vector never leaves the index (`best -practices` is mostly "Best practices").
   */
  matchExcluding: string;
  /** The parsed positive part and exclusions: what the plan estimates. */
  positive: TsNode | null;
  excluded: TsNode | null;
  /** Words as typed that typo matching may correct (see typoCandidates). */
  words: string[];
}

/** The catalogue's query from PostgreSQL's reading of the text (`tsquery`, '' when it found no words). */
export function analyse(text: string, tsquery: string): AnalysedQuery {
  const tree = parseTsQuery(tsquery);
  const terms = countLexemes(tree);
  if (terms > MAX_SEARCH_TERMS) throw new SearchQueryTooComplexError(terms, MAX_SEARCH_TERMS);
  const { positive, excluded } = splitExclusions(tree);
  const exclude =
    excluded.length === 0 ? null : excluded.length === 1 ? excluded[0]! : { op: 'or' as const, args: excluded };
  return {
    text,
    match: positive ? printTsQuery(positive) : '',
    exclude: exclude ? printTsQuery(exclude) : '',
    matchExcluding:
      positive && exclude
        ? printTsQuery({ op: 'and', args: [positive, { op: 'not', arg: exclude }] })
        : positive
          ? printTsQuery(positive)
          : '',
    positive,
    excluded: exclude,
    words: positive ? typoCandidates(text) : [],
  };
}

/** A word as typed: letters and digits, joined by single hyphens, dots or underscores ("rust-analyzer", "next.js"). */
const TYPED_WORD = /[\p{L}\p{N}]+(?:[-._][\p{L}\p{N}]+)*/gu;

/**
 * The words of a search that typo matching may correct: outside quoted phrases, not excluded (`-word`), not the
 * `or` operator, and long enough to have a typo budget (see typoBudget). Lowercased, each once, in order.
 */
export function typoCandidates(text: string): string[] {
  const words: string[] = [];
  const unquoted = sanitiseSearchText(text).replace(/"[^"]*"?/g, ' ');
  for (const token of unquoted.split(' ')) {
    if (token.startsWith('-')) continue;
    for (const [word] of token.toLowerCase().matchAll(TYPED_WORD)) {
      if (word !== 'or' && typoBudget(word) > 0 && !words.includes(word)) words.push(word);
    }
  }
  return words;
}

/**
 * The search text with each corrected word replaced where it stands as a whole word outside quotes (case-insensitive),
 * everything else kept as typed: "pyhton -django" with pyhton → python is "python -django".
 */
export function withSuggestions(text: string, corrections: ReadonlyMap<string, string>): string {
  if (corrections.size === 0) return text;
  return text.replace(/"[^"]*"?|[^"]+/g, (part) =>
    part.startsWith('"')
      ? part
      : part.replace(TYPED_WORD, (word, offset: number, whole: string) => {
          const before = whole[offset - 1];
          // An excluded word stays as typed: only words to match are corrected.
          if (before === '-' && (offset === 1 || /\s/.test(whole[offset - 2] ?? ' '))) return word;
          return corrections.get(word.toLowerCase()) ?? word;
        }),
  );
}

// A long tail of catalogue searches built from real vocabulary, for `npm run bench:search` and anything else that
// needs realistic queries: the words of the corpus files and the seeded catalogue's tags, tools and kinds, mixed as a
// search box sees them (1–4 words, typos, "phrases", -exclusions, words that match nothing, very common words,
// filters, every sort, some facets). The same seed and vocabulary give the same queries, in the same order: rank 1 is
// the most often searched, and `zipfSampler` draws ranks the way real search traffic repeats itself.
import { seededRandom } from './random.mjs';

export const SEARCH_SORTS = ['relevance', 'newest', 'favorites', 'downloads', 'trending'];
const API_PATH = '/api/v1/blueprints';

/** PostgreSQL's English stop words (and a few markup leftovers): never a search on their own. */
const STOP_WORDS = new Set(
  (
    'a about above after again against all am an and any are as at be because been before being below between both ' +
    'but by can did do does doing down during each few for from further had has have having he her here hers ' +
    'herself him himself his how if in into is it its itself just me more most my myself no nor not now of off on ' +
    'once only or other our ours ourselves out over own same she should so some such than that the their theirs ' +
    'them themselves then there these they this those through to too under until up very was we were what when ' +
    'where which while who whom why will with you your yours yourself yourselves http https www com md mdc'
  ).split(' '),
);

/** Real English words a coding-assistant catalogue has no reason to hold: candidates for "no match" queries. */
const OFF_TOPIC_WORDS = (
  'giraffe harpsichord sauerkraut origami trombone kangaroo tapestry marmalade saxophone platypus ' +
  'accordion walrus gazpacho flamingo tambourine porcupine croissant lighthouse zeppelin armadillo ' +
  'pumpernickel wombat xylophone narwhal quokka artichoke bagpipe chinchilla meringue toucan'
).split(' ');
const KEYBOARD_MASHES = 'zzqx asdfgh qwertz zxcvbn hjkl xkcdq jjjjk ghjkl wxqz qqqq'.split(' ');

// What share of the queries each category gets (the rest of a category's shape is decided when it is built).
const CATEGORY_SHARE = [
  ['plain', 49],
  ['common', 10],
  ['no-match', 10],
  ['typo', 12],
  ['phrase', 10],
  ['exclusion', 9],
];
const WORD_COUNTS = [
  [1, 40],
  [2, 35],
  [3, 15],
  [4, 10],
];
const SORT_SHARE = [
  ['relevance', 60],
  ['newest', 10],
  ['favorites', 10],
  ['downloads', 10],
  ['trending', 10],
];
const FILTER_SHARE = 0.25;
const FACETS_SHARE = 0.1;
/** The most often searched ranks are plain one- or two-word searches, as on any search box. */
const HEAD_RANKS = 200;

/**
 * The vocabulary of the corpus (`loadCorpus` documents): every word with its document frequency, the words ranked by
 * how often they occur, the most widespread ones, and the word pairs that recur (phrase material).
 */
export function corpusVocabulary(docs) {
  const frequency = new Map();
  const documentFrequency = new Map();
  const pairs = new Map();
  for (const doc of docs) {
    const seen = new Set();
    for (const line of doc.lowerText.split('\n')) {
      const words = line.match(/[a-z]+/g) ?? [];
      for (let i = 0; i < words.length; i += 1) {
        const word = words[i];
        if (word.length < 3 || word.length > 20) continue;
        frequency.set(word, (frequency.get(word) ?? 0) + 1);
        seen.add(word);
        const next = words[i + 1];
        if (next && next.length >= 3 && next.length <= 20 && !STOP_WORDS.has(word) && !STOP_WORDS.has(next)) {
          const pair = `${word} ${next}`;
          pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
        }
      }
    }
    for (const word of seen) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const byCount = (map) => [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const content = byCount(frequency).filter(([word]) => !STOP_WORDS.has(word) && documentFrequency.get(word) >= 2);
  const common = [...documentFrequency]
    .filter(([word]) => !STOP_WORDS.has(word))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 40)
    .map(([word]) => word);
  return {
    all: new Set(frequency.keys()),
    documents: docs.length,
    common,
    // Ranked by frequency, the most widespread left to the "common" category.
    words: content.map(([word]) => word).filter((word) => !common.includes(word)),
    phrases: byCount(pairs)
      .filter(([, count]) => count >= 3)
      .map(([pair]) => pair),
  };
}

/** Draws ranks 0..count-1 with probability proportional to 1 / (rank + 1)^exponent. */
export function zipfSampler(count, random, exponent = 1) {
  const cumulative = new Float64Array(count);
  let total = 0;
  for (let rank = 0; rank < count; rank += 1) {
    total += 1 / (rank + 1) ** exponent;
    cumulative[rank] = total;
  }
  return () => {
    const roll = random.next() * total;
    let low = 0;
    let high = count - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < roll) low = middle + 1;
      else high = middle;
    }
    return low;
  };
}

/** One edit (swap, drop, change or insert a letter) that turns a real word into a word of no document. */
function typoOf(random, word, known) {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const at = random.int(1, word.length - 2);
    const edit = random.pick(['swap', 'drop', 'change', 'insert']);
    let typo;
    if (edit === 'swap') typo = word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    else if (edit === 'drop') typo = word.slice(0, at) + word.slice(at + 1);
    else if (edit === 'change') typo = word.slice(0, at) + random.pick(letters) + word.slice(at + 1);
    else typo = word.slice(0, at) + random.pick(letters) + word.slice(at);
    if (typo !== word && !known.has(typo)) return typo;
  }
  return null;
}

/** Letter strings and pronounceable made-up words that are no word of the corpus (verify them against a database). */
export function madeUpWords(seed, count, known) {
  const random = seededRandom(seed);
  const consonants = 'bcdfghjklmnprstvwxz';
  const vowels = 'aeiou';
  const words = new Set();
  for (const word of [...KEYBOARD_MASHES, ...OFF_TOPIC_WORDS]) if (!known.has(word)) words.add(word);
  for (let attempts = 0; words.size < count && attempts < count * 20; attempts += 1) {
    let word = '';
    if (random.next() < 0.5) {
      for (let n = random.int(5, 9); n > 0; n -= 1) word += random.pick('abcdefghijklmnopqrstuvwxyz');
    } else {
      for (let n = random.int(2, 4); n > 0; n -= 1) word += random.pick(consonants) + random.pick(vowels);
      word += random.pick(consonants);
    }
    if (!known.has(word)) words.add(word);
  }
  return [...words].slice(0, count);
}

function searchPath({ q, kind, tool, tags, sort, facets }) {
  const params = new URLSearchParams({ q });
  if (kind) params.append('kind', kind);
  if (tool) params.append('tool', tool);
  for (const tag of tags ?? []) params.append('tag', tag);
  params.append('sort', sort);
  if (facets) params.append('facets', 'true');
  return `${API_PATH}?${params}`;
}

/**
 * `count` distinct searches, most often searched first. `vocabulary` from `corpusVocabulary`; `catalog` holds what
 * the seeded database has: `kinds`, `tools` and `tags` as [value, number of blueprints] pairs; `absentWords` are
 * words known to match nothing (from `madeUpWords`, checked against the database).
 * Each query: `{ rank, category, words, q, kind?, tool?, tags?, sort, facets, path }`.
 */
export function buildSearchQueries({ vocabulary, catalog, absentWords, count = 5000, seed = 11 }) {
  const random = seededRandom(seed);
  const wordRank = zipfSampler(vocabulary.words.length, random, 0.9);
  const phraseRank = zipfSampler(vocabulary.phrases.length, random, 0.9);
  const catalogTerms = [...catalog.tags, ...catalog.tools]
    .map(([value, weight]) => [value.replace(/-/g, ' '), weight])
    .filter(([value]) => !/^\d+$/.test(value));
  const typoSource = vocabulary.words.filter((word) => word.length >= 5).slice(0, 3000);

  // A topic word: from the catalogue's tags and tools half the time (what people browse for), else the corpus.
  const topicWord = () => (random.next() < 0.5 ? random.weighted(catalogTerms) : vocabulary.words[wordRank()]);
  const topicWords = (n) => Array.from({ length: n }, topicWord).join(' ').split(' ').slice(0, n);
  const build = {
    plain: (n) => topicWords(n),
    common: (n) => [random.pick(vocabulary.common), ...(n > 1 ? [random.pick(vocabulary.common)] : [])],
    'no-match': (n) => [random.pick(absentWords), ...(n > 2 ? topicWords(1) : [])],
    typo: (n) => {
      const typo = typoOf(random, random.pick(typoSource), vocabulary.all);
      return typo ? [typo, ...topicWords(Math.min(n, 3) - 1)] : null;
    },
    phrase: (n) => [`"${vocabulary.phrases[phraseRank()]}"`, ...topicWords(Math.max(0, n - 2))],
    exclusion: (n) => {
      // "react -native": the excluded word is one that often follows the searched one.
      const [first, second] = vocabulary.phrases[phraseRank()].split(' ');
      if (first === second) return null;
      return [first, ...topicWords(Math.max(0, n - 2)), `-${second}`];
    },
  };

  const queries = new Map();
  for (let attempts = 0; queries.size < count && attempts < count * 50; attempts += 1) {
    const category = random.weighted(CATEGORY_SHARE);
    const built = build[category](random.weighted(WORD_COUNTS));
    if (!built || built.length === 0) continue;
    const words = [...new Set(built)];
    const query = { category, q: words.join(' '), words: words.join(' ').split(' ').length };
    if (random.next() < FILTER_SHARE) {
      const filter = random.pick(['kind', 'tool', 'tag', 'tag', 'kind+tag']);
      if (filter.includes('kind')) query.kind = random.weighted(catalog.kinds);
      if (filter === 'tool') query.tool = random.weighted(catalog.tools);
      if (filter.includes('tag')) query.tags = [random.weighted(catalog.tags)];
    }
    query.sort = random.weighted(SORT_SHARE);
    query.facets = random.next() < FACETS_SHARE;
    query.path = searchPath(query);
    if (!queries.has(query.path)) queries.set(query.path, query);
  }
  if (queries.size < count) throw new Error(`Only ${queries.size} distinct queries from this vocabulary`);

  // Rank order: a shuffle, with simple searches at the head (the queries everyone types).
  const all = [...queries.values()];
  for (let i = all.length - 1; i > 0; i -= 1) {
    const j = random.int(0, i);
    [all[i], all[j]] = [all[j], all[i]];
  }
  const simple = (query) =>
    (query.category === 'plain' || query.category === 'common') &&
    query.words <= 2 &&
    !query.kind &&
    !query.tool &&
    !query.tags &&
    !query.facets &&
    query.sort === 'relevance';
  const head = all.filter(simple).slice(0, HEAD_RANKS);
  const ordered = [...head, ...all.filter((query) => !head.includes(query))];
  return ordered.map((query, rank) => ({ rank: rank + 1, ...query }));
}

/** How many queries of each kind: printed at the start of a run, so a figure always comes with its mix. */
export function describeComposition(queries) {
  const count = (predicate) => queries.filter(predicate).length;
  const share = (n) => `${n.toLocaleString('en')} (${((n / queries.length) * 100).toFixed(0)}%)`;
  const lines = [`${queries.length.toLocaleString('en')} distinct queries:`];
  const categories = [...new Set(queries.map((query) => query.category))];
  lines.push(`  by kind: ${categories.map((c) => `${c} ${share(count((q) => q.category === c))}`).join(', ')}`);
  lines.push(
    `  words: ${[1, 2, 3, 4].map((n) => `${n}: ${share(count((q) => q.words === n))}`).join(', ')}` +
      (count((q) => q.words > 4) ? `, more: ${count((q) => q.words > 4)}` : ''),
  );
  lines.push(
    `  filters: kind ${share(count((q) => q.kind))}, tool ${share(count((q) => q.tool))}, ` +
      `tag ${share(count((q) => q.tags))}, none ${share(count((q) => !q.kind && !q.tool && !q.tags))}`,
  );
  lines.push(`  sort: ${SEARCH_SORTS.map((s) => `${s} ${share(count((q) => q.sort === s))}`).join(', ')}`);
  lines.push(`  facets=true: ${share(count((q) => q.facets))}`);
  return lines.join('\n');
}

import { characterClassCount, shannonEntropy } from './entropy';
import { escapeUnprintable } from './excerpts';
import { findInjectionPhrases, type PhraseMatch } from './injection-phrases';
import {
  codePointLabel,
  decodeTagCharacters,
  decodeVariationSelectors,
  type InvisibleKind,
  type InvisibleRun,
} from './invisible-characters';
import { CodeRegions } from './markdown-regions';
import type { Detection, FindingConfidence } from './scan.types';
import { ownSecretCandidates } from './secret-rules';
import type { LineIndex } from './text-positions';

/** Hidden-instruction detections: invisible characters, instructions in HTML comments, base64 blobs and phrases. */
export function hiddenInstructionDetections(
  content: string,
  lines: LineIndex,
  invisibleRuns: readonly InvisibleRun[],
  isSecret: (start: number, end: number) => boolean,
): Detection[] {
  const code = new CodeRegions(content);
  const visible = new VisibleText(content, invisibleRuns);
  const comments = htmlCommentDetections(content, code, visible);
  const insideComment = (offset: number) => comments.some((comment) => comment.start <= offset && offset < comment.end);
  return [
    ...invisibleCharacterDetections(content, lines, invisibleRuns),
    ...comments,
    ...base64BlobDetections(content, isSecret),
    ...injectionPhraseDetections(visible).filter((phrase) => !insideComment(phrase.start)),
  ];
}

/** The text as rendered: the flagged invisible characters removed, with a map back to original offsets. */
class VisibleText {
  readonly text: string;
  private readonly origins: Int32Array | undefined;

  constructor(
    private readonly content: string,
    private readonly runs: readonly InvisibleRun[],
  ) {
    if (runs.length === 0) {
      this.text = content;
      return;
    }
    const parts: string[] = [];
    const origins = new Int32Array(content.length + 1);
    let cursor = 0;
    let length = 0;
    for (const run of [...runs, { start: content.length, end: content.length }]) {
      for (let offset = cursor; offset < run.start; offset++) origins[length++] = offset;
      parts.push(content.slice(cursor, run.start));
      cursor = run.end;
    }
    origins[length] = content.length;
    this.text = parts.join('');
    this.origins = origins;
  }

  /** Original offset of a visible offset (an end offset maps to just after the last visible character). */
  original(offset: number, isEnd = false): number {
    if (!this.origins) return offset;
    return isEnd && offset > 0 ? this.origins[offset - 1]! + 1 : this.origins[offset]!;
  }

  /** The original text between two original offsets, without the flagged invisible characters in it. */
  slice(start: number, end: number): string {
    let text = '';
    let cursor = start;
    for (const run of this.runs) {
      if (run.end <= cursor || run.start >= end) continue;
      text += this.content.slice(cursor, Math.max(cursor, run.start));
      cursor = Math.min(end, run.end);
    }
    return text + this.content.slice(cursor, end);
  }

  /** Whether invisible characters were removed between two visible offsets, i.e. they split the text there. */
  isSplit(start: number, end: number): boolean {
    return this.original(end, true) - this.original(start) !== end - start;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Invisible characters

const INVISIBLE_FINDINGS_PER_KIND = 100;

const INVISIBLE_MESSAGES: Record<InvisibleKind, string> = {
  'unicode-tag-characters': 'Unicode tag characters: invisible, yet agents read them as text',
  'zero-width-characters':
    'Zero-width characters: invisible, they can split words so that filters and reviewers miss them',
  'bidi-control':
    'Bidirectional control characters: they reorder how text is displayed, so what you read is not what the agent reads',
  'variation-selector-sequence': 'A run of variation selectors: invisible, they can carry arbitrary hidden data',
};

/** One finding per line and kind (an attacker can sprinkle thousands), capped per kind. */
function invisibleCharacterDetections(content: string, lines: LineIndex, runs: readonly InvisibleRun[]): Detection[] {
  const byLineAndKind = new Map<string, InvisibleRun[]>();
  for (const run of runs) {
    const key = `${lines.position(run.start).line}:${run.kind}`;
    const group = byLineAndKind.get(key);
    if (group) group.push(run);
    else byLineAndKind.set(key, [run]);
  }
  const groups = [...byLineAndKind.values()];
  const perKind = new Map<InvisibleKind, number>();
  const detections: Detection[] = [];
  for (const group of groups) {
    const kind = group[0]!.kind;
    const seen = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, seen);
    if (seen > INVISIBLE_FINDINGS_PER_KIND) continue;
    // Enough of the hidden characters to name and decode them; a line can hold hundreds of thousands.
    let characters = '';
    let count = 0;
    for (const run of group) {
      if (characters.length < 2_000) characters += content.slice(run.start, Math.min(run.end, run.start + 2_000));
      count += countCodePoints(content, run.start, run.end);
    }
    const labels = distinctLabels(characters, 6);
    let message = `${INVISIBLE_MESSAGES[kind]} (${count} × ${labels}).`;
    if (kind === 'unicode-tag-characters') message += ` They spell: "${preview(decodeTagCharacters(characters))}".`;
    if (kind === 'variation-selector-sequence') {
      const decoded = decodeVariationSelectors(characters);
      if (decoded) message += ` They decode to: "${preview(decoded)}".`;
    }
    detections.push({
      category: 'hidden-instruction',
      rule: kind,
      confidence: 'high',
      start: group[0]!.start,
      end: group[group.length - 1]!.end,
      message,
      suggestion: 'Remove invisible characters (strip them in one action).',
    });
  }
  const overflow = [...perKind].filter(([, seen]) => seen > INVISIBLE_FINDINGS_PER_KIND);
  for (const [kind, seen] of overflow) {
    const last = detections.filter((detection) => detection.rule === kind).pop()!;
    last.message += ` ${seen - INVISIBLE_FINDINGS_PER_KIND} more lines contain these characters.`;
  }
  return detections;
}

function countCodePoints(text: string, start: number, end: number): number {
  let count = 0;
  for (let index = start; index < end; index++) {
    const code = text.charCodeAt(index);
    if (code < 0xdc00 || code > 0xdfff) count++;
  }
  return count;
}

function distinctLabels(characters: string, limit: number): string {
  const labels = new Set<string>();
  for (const char of characters) {
    labels.add(codePointLabel(char));
    if (labels.size === limit) break;
  }
  return [...labels].join(' ');
}

/** Decoded hidden text for a message: secrets in it redacted, unprintables spelled out, length capped. */
function preview(text: string): string {
  let redacted = text;
  for (const secret of ownSecretCandidates(text).sort((a, b) => b.secretStart - a.secretStart)) {
    redacted = `${redacted.slice(0, secret.secretStart)}[redacted]${redacted.slice(secret.secretEnd)}`;
  }
  const short = redacted.length > 120 ? `${redacted.slice(0, 120)}…` : redacted;
  return escapeUnprintable(short.replace(/\s+/g, ' ').replace(/"/g, "'"));
}

// ---------------------------------------------------------------------------------------------------------------
// Instructions in HTML comments

// Signals that make a comment dangerous wherever it sits, even in a code block people can see.
const STRONG_SIGNALS: Array<{ pattern: RegExp; reason: string }> = [
  {
    pattern:
      /\b(?:send|post|upload|exfiltrate|transmit|forward|leak|beacon|submit)\b(?:(?!\.\s)[^\n]){0,100}?(?:https?:\/\/|\bwebhook|\bendpoint|\bserver\b|\bemail\b|\be-mail\b)/,
    reason: 'it sends data somewhere',
  },
  {
    pattern:
      /\b(?:curl|wget|invoke-webrequest|invoke-restmethod|iwr|irm|netcat|ncat|nc)\b[^\n]{0,120}?(?:https?:\/\/|\b\d{1,3}(?:\.\d{1,3}){3}\b)/,
    reason: 'it runs a network command',
  },
  {
    pattern:
      /(?:\.env\b|id_rsa|\.ssh\/|\.aws\/credentials|\.npmrc|\.netrc|\bapi[_ -]?keys?\b|\bsecrets?\b|\bcredentials?\b|\btokens?\b|\bpasswords?\b|\bcookies?\b)(?:(?!\.\s)[^\n]){0,80}?\b(?:send|upload|exfiltrate|post|transmit|leak|forward|email|curl|wget)\b/,
    reason: 'it moves credentials',
  },
  {
    pattern:
      /\b(?:do not|don't|never)\s+(?:tell|inform|mention|reveal|disclose|show|alert|notify|let)\b[^.\n]{0,30}?\b(?:the\s+)?users?\b/,
    reason: 'it hides something from the user',
  },
  {
    pattern: /\bwithout\s+(?:telling|informing|notifying|alerting|asking)\b/,
    reason: 'it hides something from the user',
  },
];

// Signals that a comment addresses the agent; enough only where readers cannot see the comment.
const ADDRESSES_AGENT =
  /\b(?:you|your|assistant|ai|agent|model|llm|copilot|claude|cursor|chatgpt|gpt|gemini|codex)\b|\bwhen\s+(?:generating|writing|responding|answering|creating|editing|asked)\b/;
const IMPERATIVE_START =
  /(?:^|[.!?:;,]\s+)(?:always|never|ignore|add|insert|include|run|execute|use|make sure|ensure|do not|don't|must|write|generate|create|delete|remove|replace|modify|change|install|download|open|visit|call|set|output|print|respond|reply|answer|say|tell|pretend|act as|follow|prefer|avoid|append|prepend|inject|import)\b/;
// Tool directives and bookkeeping that comments normally hold.
const ROUTINE_COMMENT =
  /^\s*(?:todo|fixme|note|xxx|hack|prettier-ignore|markdownlint|eslint|secretlint|cspell|vale|textlint|toc|omit|region|endregion|end|start|begin|copyright|spdx-license-identifier|licensed under|generated by|auto-generated|autogenerated|do not edit|@format|@prettier)\b/i;

function htmlCommentDetections(content: string, code: CodeRegions, visible: VisibleText): Detection[] {
  const detections: Detection[] = [];
  // An unclosed comment hides everything after it.
  for (const match of content.matchAll(/<!--([\s\S]*?)(?:-->|$(?![\s\S]))/g)) {
    const body = visible
      .slice(match.index + 4, match.index + 4 + match[1]!.length)
      .replace(/\s+/g, ' ')
      .trim();
    if (body.length === 0) continue;
    const lower = body.toLowerCase();
    const phrase = findInjectionPhrases(body)[0];
    const strong = STRONG_SIGNALS.find((signal) => signal.pattern.test(lower));
    let confidence: FindingConfidence;
    let reason: string;
    if (phrase) {
      confidence = 'high';
      reason = `it contains the injection phrase "${phrase.phrase}"`;
    } else if (strong) {
      confidence = 'high';
      reason = strong.reason;
    } else {
      // Comments in code blocks are shown to readers; elsewhere they vanish when the Markdown is rendered.
      const hidden = !code.contains(match.index);
      const wordCount = body.split(' ').length;
      if (!hidden || ROUTINE_COMMENT.test(body) || wordCount < 4) continue;
      if (!IMPERATIVE_START.test(lower) || !ADDRESSES_AGENT.test(lower)) continue;
      // A hidden instruction that also points at a URL or a shell command is how payloads get fetched.
      const reachesOut = /https?:\/\/|\b(?:curl|wget|bash|sh|powershell|npx|pip install|npm install)\b/.test(lower);
      confidence = reachesOut ? 'high' : 'low';
      reason = reachesOut
        ? 'it reads as an instruction to the agent and points at a URL or command'
        : 'it reads as an instruction to the agent';
    }
    // A comment opened on a line of its own is best shown by its first line of text.
    const firstText = match.index + 4 + match[1]!.search(/\S/);
    detections.push({
      category: 'hidden-instruction',
      rule: 'html-comment-instruction',
      confidence,
      start: match.index,
      end: match.index + match[0].length,
      excerptAt: firstText,
      message: `HTML comment that rendered Markdown hides but agents read: ${reason}.`,
      suggestion: 'Move the instruction into visible text if it is meant for the agent, or delete the comment.',
    });
  }
  return detections;
}

// ---------------------------------------------------------------------------------------------------------------
// Base64 blobs

const BASE64_RUN = /(?<![A-Za-z0-9+/_-])[A-Za-z0-9+/_-]{64,}={0,2}/g;
const LONG_BLOB = 120;
const IMAGE_DATA_URI = /data:image\/[a-z0-9.+-]+;base64,$/i;

/**
 * Runs of 120 or more base64 characters, and shorter ones (from 64) that decode to sentences. Inline images
 * (data:image/…;base64,) are left alone: they render as pictures, not text. Blobs that decode to readable text are
 * high confidence: that text is hidden from readers.
 */
function base64BlobDetections(content: string, isSecret: (start: number, end: number) => boolean): Detection[] {
  const detections: Detection[] = [];
  for (const match of content.matchAll(BASE64_RUN)) {
    const blob = match[0];
    const start = match.index;
    const end = start + blob.length;
    if (IMAGE_DATA_URI.test(content.slice(Math.max(0, start - 60), start)) || isSecret(start, end)) continue;
    // Random data mixes all character classes and sits near 6 bits per character; hex, words and paths do not.
    if (characterClassCount(blob) < 3 || /^[0-9a-f]+$/i.test(blob) || shannonEntropy(blob) < 4.5) continue;
    const decoded = decodeBase64(blob);
    const readable = decoded !== undefined && isReadableText(decoded);
    if (blob.length < LONG_BLOB && !(readable && decoded.trim().split(/\s+/).length >= 5)) continue;
    const phrase = readable ? findInjectionPhrases(decoded)[0] : undefined;
    detections.push({
      category: 'hidden-instruction',
      rule: 'base64-blob',
      confidence: readable ? 'high' : 'low',
      start,
      end,
      message: readable
        ? `Base64 blob (${blob.length} characters) that decodes to text readers cannot see${phrase ? `, including the injection phrase "${phrase.phrase}"` : ''}: "${preview(decoded)}".`
        : `Base64 blob (${blob.length} characters) of binary data; agents can decode and act on content hidden this way.`,
      suggestion: 'Remove the blob, or replace it with the readable text or a link to the file.',
    });
  }
  return detections;
}

function decodeBase64(blob: string): string | undefined {
  const urlSafe = /[-_]/.test(blob);
  if (urlSafe && /[+/]/.test(blob)) return undefined;
  return Buffer.from(blob, urlSafe ? 'base64url' : 'base64').toString('utf8');
}

function isReadableText(text: string): boolean {
  if (text.length === 0) return false;
  const printable = text.match(/[\p{L}\p{N}\p{P}\p{S}\p{Zs}\n\r\t]/gu)?.length ?? 0;
  return printable / [...text].length >= 0.95 && !text.includes('\uFFFD');
}

// ---------------------------------------------------------------------------------------------------------------
// Injection phrases in the visible text

/**
 * Injection phrases anywhere in the text, phrases close together on one line reported as one finding. Visible ones
 * are low confidence (rules about prompt-injection safety quote them); one that invisible characters split to dodge
 * filters is high.
 */
function injectionPhraseDetections(visible: VisibleText): Detection[] {
  const groups: PhraseMatch[][] = [];
  for (const phrase of findInjectionPhrases(visible.text)) {
    const group = groups[groups.length - 1];
    const last = group?.[group.length - 1];
    const between = last ? visible.text.slice(last.end, phrase.start) : '';
    if (group && last && phrase.start < last.end + 80 && !between.includes('\n')) group.push(phrase);
    else groups.push([phrase]);
  }
  return groups.map((group) => {
    const start = group[0]!.start;
    const end = Math.max(...group.map((phrase) => phrase.end));
    const quoted = [...new Set(group.map((phrase) => `"${phrase.phrase}"`))].join(', ');
    const split = visible.isSplit(start, end);
    const detection: Detection = {
      category: 'hidden-instruction',
      rule: 'injection-phrase',
      confidence: split ? 'high' : 'low',
      start: visible.original(start),
      end: visible.original(end, true),
      message: split
        ? `Prompt-injection phrasing split by invisible characters to slip past filters: ${quoted}.`
        : `Classic prompt-injection phrasing: ${quoted}. Fine when the rule warns about it; remove it otherwise.`,
    };
    if (split) detection.suggestion = 'Remove the invisible characters and the phrase.';
    return detection;
  });
}

import { credentialUrlConfidence, credentialUrlVariableName, findCredentialUrls } from './credential-urls';
import { characterClassCount, shannonEntropy } from './entropy';
import { isPlaceholderSecret, WORD_SEGMENT } from './placeholders';
import type { FindingConfidence } from './scan.types';
import type { SecretCandidate } from './secret-candidates';

// Our own rules for what secretlint's recommended preset misses or only half covers: provider key formats it has no
// rule for (Stripe, Google, GitLab, Hugging Face), newer OpenAI and Anthropic key shapes, credentials in URLs of any
// scheme, PEM keys whatever their body looks like, JWTs and high-entropy values assigned to secret-sounding names.

interface KeyFormatRule {
  rule: string;
  pattern: RegExp;
  description: string;
  defaultName: string;
  /** Length of the fixed part every key of this kind starts with; it may be shown in excerpts. */
  publicPrefix: (key: string) => number;
  confidence: (key: string, body: string) => FindingConfidence;
}

const high = (): FindingConfidence => 'high';
const low = (): FindingConfidence => 'low';
const prefixUpTo =
  (pattern: RegExp) =>
  (key: string): number =>
    pattern.exec(key)?.[0].length ?? 0;
/** Long, mixed-case, digit-bearing bodies are real keys; shorter or single-case ones are likely typed by hand. */
const strongBody =
  (minimumLength: number) =>
  (_key: string, body: string): FindingConfidence =>
    body.length >= minimumLength && characterClassCount(body) === 3 && shannonEntropy(body) >= 4 ? 'high' : 'low';

// Token boundaries: a key is not part of a longer word, path or identifier.
const B = '(?<![A-Za-z0-9_-])';
const E = '(?![A-Za-z0-9_-])';

const KEY_FORMAT_RULES: KeyFormatRule[] = [
  {
    rule: 'anthropic-api-key',
    pattern: new RegExp(`${B}sk-ant-(?:api|admin|oat|ort|sid)\\d{2}-[A-Za-z0-9_-]{32,}${E}`, 'g'),
    description: 'Anthropic API key',
    defaultName: 'ANTHROPIC_API_KEY',
    publicPrefix: prefixUpTo(/^sk-ant-[a-z]+\d{2}-/),
    confidence: high,
  },
  {
    rule: 'openai-api-key',
    pattern: new RegExp(
      `${B}sk-(?:(?:proj|svcacct|admin|None)-[A-Za-z0-9_-]{20,}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})${E}`,
      'g',
    ),
    description: 'OpenAI API key',
    defaultName: 'OPENAI_API_KEY',
    publicPrefix: prefixUpTo(/^sk-(?:[a-zA-Z]+-)?/),
    confidence: (key, body) => (key.includes('T3BlbkFJ') ? 'high' : strongBody(40)(key, body)),
  },
  {
    // DeepSeek, Moonshot, OpenRouter-style and older OpenAI keys all share the bare sk- prefix.
    rule: 'sk-api-key',
    pattern: new RegExp(`${B}sk-(?:or-v1-)?[A-Za-z0-9]{32,}${E}`, 'g'),
    description: 'API key with the sk- prefix',
    defaultName: 'API_KEY',
    publicPrefix: prefixUpTo(/^sk-(?:or-v1-)?/),
    confidence: strongBody(40),
  },
  {
    rule: 'stripe-secret-key',
    pattern: new RegExp(`${B}(?:sk|rk)_live_[A-Za-z0-9]{10,}${E}`, 'g'),
    description: 'Stripe live secret key',
    defaultName: 'STRIPE_SECRET_KEY',
    publicPrefix: prefixUpTo(/^[a-z]{2}_live_/),
    // Real live keys carry at least 24 random characters; shorter ones are made up for an example.
    confidence: (_key, body) => (body.length >= 24 ? 'high' : 'low'),
  },
  {
    rule: 'stripe-test-key',
    pattern: new RegExp(`${B}(?:sk|rk)_test_[A-Za-z0-9]{10,}${E}`, 'g'),
    description: 'Stripe test-mode secret key',
    defaultName: 'STRIPE_SECRET_KEY',
    publicPrefix: prefixUpTo(/^[a-z]{2}_test_/),
    confidence: low,
  },
  {
    rule: 'stripe-webhook-secret',
    pattern: new RegExp(`${B}whsec_[A-Za-z0-9+/=]{24,}${E}`, 'g'),
    description: 'Stripe webhook signing secret',
    defaultName: 'STRIPE_WEBHOOK_SECRET',
    publicPrefix: prefixUpTo(/^whsec_/),
    confidence: high,
  },
  {
    rule: 'slack-token',
    pattern: new RegExp(`${B}(?:xox[abposrce]|xapp)-[A-Za-z0-9-]{10,}${E}`, 'g'),
    description: 'Slack token',
    defaultName: 'SLACK_TOKEN',
    publicPrefix: prefixUpTo(/^(?:xox[a-z]|xapp)-/),
    confidence: (_key, body) => (body.length >= 24 && /\d/.test(body) ? 'high' : 'low'),
  },
  {
    rule: 'slack-webhook',
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/[A-Za-z0-9_/-]{20,}/g,
    description: 'Slack webhook URL',
    defaultName: 'SLACK_WEBHOOK_URL',
    publicPrefix: prefixUpTo(/^https:\/\/hooks\.slack\.com\/[a-z]+\//),
    confidence: high,
  },
  {
    rule: 'google-api-key',
    pattern: new RegExp(`${B}AIza[0-9A-Za-z_-]{35}${E}`, 'g'),
    description: 'Google API key',
    defaultName: 'GOOGLE_API_KEY',
    publicPrefix: () => 4,
    confidence: high,
  },
  {
    rule: 'gitlab-token',
    pattern: new RegExp(`${B}gl(?:pat|dt|rt|ptt|ft|cbt|oas|soat)-[A-Za-z0-9_-]{20,}${E}`, 'g'),
    description: 'GitLab access token',
    defaultName: 'GITLAB_TOKEN',
    publicPrefix: prefixUpTo(/^gl[a-z]+-/),
    confidence: high,
  },
  {
    rule: 'huggingface-token',
    pattern: new RegExp(`${B}hf_[A-Za-z]{34}${E}`, 'g'),
    description: 'Hugging Face access token',
    defaultName: 'HF_TOKEN',
    publicPrefix: () => 3,
    confidence: (_key, body) => (characterClassCount(body) >= 2 && shannonEntropy(body) >= 4 ? 'high' : 'low'),
  },
];

function keyFormatCandidates(content: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const format of KEY_FORMAT_RULES) {
    for (const match of content.matchAll(format.pattern)) {
      const key = match[0];
      const prefix = format.publicPrefix(key);
      if (isPlaceholderSecret(key, prefix)) continue;
      found.push({
        rule: format.rule,
        confidence: format.confidence(key, key.slice(prefix)),
        start: match.index,
        end: match.index + key.length,
        secretStart: match.index,
        secretEnd: match.index + key.length,
        publicPrefix: prefix,
        description: format.description,
        defaultName: format.defaultName,
      });
    }
  }
  return found;
}

function credentialUrlCandidates(content: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const url of findCredentialUrls(content)) {
    const confidence = credentialUrlConfidence(content.slice(url.passwordStart, url.passwordEnd), url.host, url.user);
    if (!confidence) continue;
    found.push({
      rule: 'connection-string-password',
      confidence,
      start: url.start,
      end: url.end,
      secretStart: url.passwordStart,
      secretEnd: url.passwordEnd,
      publicPrefix: 0,
      description: `Password in a ${url.scheme}:// connection string`,
      defaultName: credentialUrlVariableName(url.scheme),
    });
  }
  return found;
}

const PEM_HEADER = /-----BEGIN ((?:[A-Z0-9]+ )*)PRIVATE KEY(?: BLOCK)?-----/g;
// Key material: base64 lines, possibly as "\n"-escaped JSON strings (service-account files).
const PEM_BODY = /^(?:[A-Za-z0-9+/=]|\s|\\n|\\r)*/;

function privateKeyCandidates(content: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const header of content.matchAll(PEM_HEADER)) {
    const bodyStart = header.index + header[0].length;
    const body = PEM_BODY.exec(content.slice(bodyStart, bodyStart + 20_000))![0];
    const material = body.replace(/\\[nr]|\s/g, '');
    // A header around "..." or a few characters is a documentation example; real key material is long and random.
    if (material.length < 64 || shannonEntropy(material) < 4.5) continue;
    const bodyEnd = bodyStart + body.length;
    const footer = /^-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----/.exec(content.slice(bodyEnd, bodyEnd + 80));
    found.push({
      rule: 'private-key',
      confidence: 'high',
      start: header.index,
      end: bodyEnd + (footer ? footer[0].length : 0),
      secretStart: bodyStart,
      secretEnd: bodyEnd,
      publicPrefix: 0,
      description: `${header[1] ?? ''}private key`.replace(/^./, (first) => first.toUpperCase()),
      defaultName: 'PRIVATE_KEY',
    });
  }
  return found;
}

const JWT = new RegExp(`${B}eyJ[A-Za-z0-9_-]{10,}\\.eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{16,}${E}`, 'g');

function decodesToJsonWithAlgorithm(segment: string): boolean {
  try {
    const header: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null && 'alg' in header;
  } catch {
    return false;
  }
}

/** Low confidence: many JWTs in docs are expired samples, and some (e.g. public anon keys) are meant to be shared. */
function jwtCandidates(content: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  for (const match of content.matchAll(JWT)) {
    const token = match[0];
    if (isPlaceholderSecret(token) || !decodesToJsonWithAlgorithm(token.split('.')[0]!)) continue;
    found.push({
      rule: 'jwt',
      confidence: 'low',
      start: match.index,
      end: match.index + token.length,
      secretStart: match.index,
      secretEnd: match.index + token.length,
      publicPrefix: 3,
      description: 'JSON Web Token',
      defaultName: 'JWT',
    });
  }
  return found;
}

// Names that hold secrets: *_SECRET, *_TOKEN, *_PASSWORD, *_API_KEY, apiKey, clientSecret, PRIVATE_KEY…; a bare
// *_KEY only in upper snake case (STRIPE_KEY), because camelCase `primaryKey` or `cacheKey` hold identifiers.
const SECRET_NAME =
  /(?:secret|token|passw(?:or)?d|pwd|passphrase|credentials?|api[-_]?key|access[-_]?key|private[-_]?key|secret[-_]?key|signing[-_]?key|encryption[-_]?key|master[-_]?key|auth[-_]?key)$|^[A-Z0-9_]*_KEY$/i;
// A .NET PublicKeyToken (`Culture=neutral, PublicKeyToken=b77a5c561934e089`) is a hash of an assembly's public key,
// printed in every strong name.
const NOT_SECRET_NAME = /(?:public|publishable)[-_]?key(?:[-_]?token)?$/i;
const LINE_MENTIONS_SECRET_NAME = /secret|token|passw|pwd|passphrase|credential|key/i;
const ASSIGNMENT =
  /(?<![A-Za-z0-9_.-])([A-Za-z_][A-Za-z0-9_.-]{0,80})["'\]]?[ \t]*(?::=|=>|=|:)[ \t]*(["'`]?)([A-Za-z0-9+/=_\-.~!@#$%^&*?]{12,256})(.?)/g;

/**
 * High-entropy values assigned to secret-sounding names. Heuristic, so low confidence unless the value is long,
 * mixes upper case, lower case and digits, and is close to random.
 */
function secretAssignmentCandidates(content: string): SecretCandidate[] {
  const found: SecretCandidate[] = [];
  let lineStart = 0;
  for (const line of content.split('\n')) {
    if (LINE_MENTIONS_SECRET_NAME.test(line)) {
      for (const match of line.matchAll(ASSIGNMENT)) {
        const [, qualifiedName, , value, next] = match as unknown as [string, string, string, string, string];
        const name = qualifiedName.split('.').pop()!;
        if (!SECRET_NAME.test(name) || NOT_SECRET_NAME.test(name)) continue;
        const confidence = assignedValueConfidence(value, next);
        if (!confidence) continue;
        const valueStart = lineStart + match.index + match[0].length - next.length - value.length;
        found.push({
          rule: 'secret-assignment',
          confidence,
          start: valueStart,
          end: valueStart + value.length,
          secretStart: valueStart,
          secretEnd: valueStart + value.length,
          publicPrefix: 0,
          description: `High-entropy value assigned to ${name}`,
          defaultName: name,
        });
      }
    }
    lineStart += line.length + 1;
  }
  return found;
}

function assignedValueConfidence(value: string, next: string): FindingConfidence | undefined {
  // Code, not a literal: a call, a member access (config.apiKey), a path or a URL.
  if (next === '(' || /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/.test(value)) return undefined;
  if (/^(?:\.{0,2}\/|~\/|[a-z][a-z0-9+.-]*:\/\/)/i.test(value)) return undefined;
  // A path or label of words (`Figma Token: "Desktop/Title/H1"`): random keys never split into words at their slashes.
  if (value.includes('/') && value.split('/').every((segment) => segment === '' || WORD_SEGMENT.test(segment))) {
    return undefined;
  }
  // Random secrets of this length all but certainly hold both letters and digits; names and words do not.
  if (!/[0-9]/.test(value) || !/[A-Za-z]/.test(value)) return undefined;
  if (isPlaceholderSecret(value)) return undefined;
  const entropy = shannonEntropy(value);
  if (value.length >= 32 && entropy >= 4.5 && characterClassCount(value) === 3) return 'high';
  // 3.0 bits keeps 99.9% of random 32-digit hex values (median 3.6) while words and identifiers were already
  // turned away for lacking digits.
  if (entropy >= 3 && characterClassCount(value) >= 2) return 'low';
  return undefined;
}

/**
 * Every candidate from our own rules, most specific rules first: when matches overlap, the earlier rule wins at equal
 * confidence.
 */
export function ownSecretCandidates(content: string): SecretCandidate[] {
  return [
    ...keyFormatCandidates(content),
    ...privateKeyCandidates(content),
    ...credentialUrlCandidates(content),
    ...jwtCandidates(content),
    ...secretAssignmentCandidates(content),
  ];
}

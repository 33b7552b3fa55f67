// Blueprints teach people how to wire credentials, so they are full of stand-ins for secrets. A stand-in is never a
// finding: only values that could work as a real credential are.

/** References to a value kept elsewhere: template variables, environment lookups, shell and CI expansions. */
const REFERENCE_PATTERNS: RegExp[] = [
  /\[\[[^\]]*\]\]/, // [[VAR]] and [[VAR|default]], our own template variables
  /\$\{[^}]*\}/, // ${VAR}, ${{ secrets.X }}
  /\{\{[^}]*\}\}/, // {{ var }}
  /^\$[A-Za-z_][A-Za-z0-9_]*$/, // $VAR
  /^\$\([^)]*\)$/, // $(command)
  /^%[A-Za-z_][A-Za-z0-9_]*%$/, // %VAR%
  /^<[^<>]+>$/, // <your-key>
  /\b(?:process\.env|import\.meta\.env|os\.environ|os\.getenv|getenv|System\.getenv|Environment\.GetEnvironmentVariable|ENV\[|env\(|Deno\.env|secrets\.)/,
];

/** Words that only stand-ins contain; checked on the lower-cased value. */
const PLACEHOLDER_WORDS =
  /your|example|sample|dummy|changeme|change[-_]me|placeholder|replace|redacted|fake|mock|insert|todo|here|xxx|\*\*\*|\.\.\.|…|<|>|secret[-_]?key[-_]?value|not[-_]?a[-_]?(?:real|secret)/;

/** Keyboard walks and counting sequences that people type for pretend keys. */
const DEMO_SEQUENCES =
  /abc123|123abc|12345|54321|abcdef|qwerty|asdfgh|xyz789|789xyz|deadbeef|password|passw0rd|p@ssw0rd|s3cr3t/;

/** A word (`actual`, `Desktop`, `H1`) or a number: what people write, as opposed to random characters. */
export const WORD_SEGMENT = /^(?:[A-Z]?[a-z]+|[A-Z]+)\d{0,4}$|^\d+$/;
const CREDENTIAL_NOUN = /^(?:secret|key|token|password|passwd|pass|pwd|apikey|credentials?|auth)$/i;

/**
 * A value that spells out what it stands for: words and numbers only, one of them naming a credential
 * (`actual_secret_key_12345`, `my-api-token-2024`). Random keys never split into words like this.
 */
export function namesItself(value: string): boolean {
  const segments = value.split(/[_\-.]+/).filter(Boolean);
  return (
    segments.length >= 2 &&
    segments.every((segment) => WORD_SEGMENT.test(segment)) &&
    segments.some((segment) => CREDENTIAL_NOUN.test(segment))
  );
}

/** Published documentation examples, e.g. AWS's own sample key pair. */
const DOCUMENTATION_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  // jwt.io's default token.
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
]);

/**
 * True when `secret` is a stand-in rather than a credential. The word checks skip its first `publicPrefix` characters
 * (e.g. 'sk_test_'), which every key of that kind shares.
 */
export function isPlaceholderSecret(secret: string, publicPrefix = 0): boolean {
  if (DOCUMENTATION_EXAMPLES.has(secret)) return true;
  const value = secret.slice(publicPrefix);
  if (REFERENCE_PATTERNS.some((pattern) => pattern.test(value))) return true;
  const lower = value.toLowerCase();
  if (PLACEHOLDER_WORDS.test(lower) || DEMO_SEQUENCES.test(lower)) return true;
  if (namesItself(value)) return true;
  // xxxxx, 00000, aaaaa: nobody's key repeats one character five times.
  if (/(.)\1{4,}/.test(value)) return true;
  // Too few distinct characters to be random (e.g. 'abababab').
  if (new Set(value).size <= Math.min(4, value.length / 3)) return true;
  return false;
}

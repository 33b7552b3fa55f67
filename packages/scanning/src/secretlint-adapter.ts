import { credentialUrlConfidence, credentialUrlVariableName, findCredentialUrls } from './credential-urls';
import { isPlaceholderSecret } from './placeholders';
import type { FindingConfidence } from './scan.types';
import type { SecretCandidate } from './secret-candidates';

type RecommendedPreset = typeof import('@secretlint/secretlint-rule-preset-recommend', {
  with: { 'resolution-mode': 'import' },
});
type SecretlintRule = RecommendedPreset['rules'][number];
type RuleContext = Parameters<SecretlintRule['create']>[0];
type RuleSource = Parameters<NonNullable<ReturnType<SecretlintRule['create']>['file']>>[0];
type Report = Parameters<RuleContext['report']>[0];

// The preset is an ES module only: compiled, this stays a native import() (Node loads it); under Jest, swc turns it
// into a require of the package, which jest.config.js compiles to CommonJS.
let loading: Promise<readonly SecretlintRule[]> | undefined;
function secretlintRules(): Promise<readonly SecretlintRule[]> {
  loading ??= (async () => {
    const preset = (await import('@secretlint/secretlint-rule-preset-recommend')) as RecommendedPreset;
    // The preset minus filter-comments, which would let a blueprint switch scanning off with a
    // `secretlint-disable` comment.
    return preset.rules.filter((rule) => rule.meta.id !== '@secretlint/secretlint-rule-filter-comments');
  })();
  return loading;
}

/** Options per rule: also report bare AWS access key ids (low confidence: an id alone does not authenticate). */
const RULE_OPTIONS: Record<string, object> = { '@secretlint/secretlint-rule-aws': { enableIDScanRule: true } };

const unsupported = (what: string) => () => {
  throw new Error(`secretlint source API ${what} is not provided: no rule of the preset we run uses it`);
};

/**
 * Runs every rule of the preset over the content and collects what they report. secretlint's own runner
 * (`lintSource` of @secretlint/core) compares every reported message with every later one to drop duplicates, which
 * is quadratic in the number of matches: 12,000 AWS-key-shaped words took 17 s. Here a report costs O(1); overlaps
 * are resolved later, once, by the scanner.
 */
async function runSecretlint(content: string): Promise<Array<{ ruleId: string; report: Report }>> {
  const reports: Array<{ ruleId: string; report: Report }> = [];
  // A virtual Markdown file: rules that read files from disk (the GCP .p12 check) never run.
  const source = {
    hasBOM: false,
    content,
    filePath: 'blueprint.md',
    physicalFilePath: undefined,
    contentType: 'text',
    ext: '.md',
    getFilePath: () => 'blueprint.md',
    getPhysicalFilePath: () => undefined,
    locationToRange: unsupported('locationToRange'),
    rangeToLocation: unsupported('rangeToLocation'),
    positionToIndex: unsupported('positionToIndex'),
    indexToPosition: unsupported('indexToPosition'),
  } as RuleSource;
  for (const rule of await secretlintRules()) {
    const types: readonly string[] = rule.meta.supportedContentTypes;
    if (!types.includes('text') && !types.includes('all')) continue;
    const context: RuleContext = {
      sharedOptions: {},
      // Only the message id and its data are used (the data locates the secret); the text would quote the secret.
      createTranslator: () => ((messageId: string, data: object) => ({ message: messageId, messageId, data })) as never,
      report: (report) => reports.push({ ruleId: rule.meta.id, report }),
      ignore: () => undefined,
    };
    await rule.create(context, (RULE_OPTIONS[rule.meta.id] ?? {}) as never).file?.(source);
  }
  // In order of position, as secretlint reports them: among overlapping findings of equal rank the first one wins.
  return reports.sort((a, b) => a.report.range[0] - b.report.range[0] || a.report.range[1] - b.report.range[1]);
}

/** Description and template-variable name per secretlint message id. */
const MESSAGES: Record<string, { description: string; defaultName: string; confidence?: FindingConfidence }> = {
  AWSAccessKeyID: { description: 'AWS access key ID', defaultName: 'AWS_ACCESS_KEY_ID', confidence: 'low' },
  AWSSecretAccessKey: { description: 'AWS secret access key', defaultName: 'AWS_SECRET_ACCESS_KEY' },
  // An account id identifies, it does not authenticate.
  AWSAccountID: { description: 'AWS account ID', defaultName: 'AWS_ACCOUNT_ID', confidence: 'low' },
  PackageJSON_xOauthToken: { description: 'GitHub OAuth token in a URL', defaultName: 'GITHUB_TOKEN' },
  Npmrc_authToken: { description: 'npm auth token', defaultName: 'NPM_TOKEN' },
  NPM_ACCESS_TOKEN: { description: 'npm access token', defaultName: 'NPM_TOKEN' },
  SLACK_TOKEN: { description: 'Slack token', defaultName: 'SLACK_TOKEN' },
  IncomingWebhook: { description: 'Slack incoming webhook URL', defaultName: 'SLACK_WEBHOOK_URL' },
  BasicAuth: { description: 'Password in a URL (basic authentication)', defaultName: 'SERVICE_URL' },
  OPENAI_TOKEN: { description: 'OpenAI API key', defaultName: 'OPENAI_API_KEY' },
  ANTHROPIC_API_KEY: { description: 'Anthropic API key', defaultName: 'ANTHROPIC_API_KEY' },
  LINEAR_API_TOKEN: { description: 'Linear API key', defaultName: 'LINEAR_API_KEY' },
  PrivateKey: { description: 'Private key', defaultName: 'PRIVATE_KEY' },
  SENDGRID_KEY: { description: 'SendGrid API key', defaultName: 'SENDGRID_API_KEY' },
  SHOPIFY_KEY: { description: 'Shopify access token', defaultName: 'SHOPIFY_ACCESS_TOKEN' },
  GITHUB_TOKEN: { description: 'GitHub token', defaultName: 'GITHUB_TOKEN' },
  OPS_TOKEN: { description: '1Password service account token', defaultName: 'OP_SERVICE_ACCOUNT_TOKEN' },
  MongoDBConnection: { description: 'MongoDB connection string with a password', defaultName: 'DATABASE_URL' },
  MySQLConnection: { description: 'MySQL connection string with a password', defaultName: 'DATABASE_URL' },
  PostgreSQLConnection: { description: 'PostgreSQL connection string with a password', defaultName: 'DATABASE_URL' },
};

/** Fixed prefixes shared by every key of a kind (ghp_, github_pat_, xoxb-, sk-ant-api03-, AKIA…): safe to show. */
const PUBLIC_PREFIX =
  /^(?:(?:A3T[A-Z0-9]|AKIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|ASIA)|sk-ant-api\d\d-|[A-Za-z]{2,6}_(?:pat_|api_)?|xox[a-z]-|xapp-|sk-(?:[a-z]+-)?|SG\.)/;

/**
 * Runs secretlint's recommended preset in-process and maps its reports to candidates. secretlint's own messages
 * quote the secret, so only the value's position is kept; some of its rules report a range that starts at the
 * assignment rather than the value, so the value is located from the message data.
 */
export async function secretlintCandidates(content: string): Promise<SecretCandidate[]> {
  const found: SecretCandidate[] = [];
  for (const { ruleId, report } of await runSecretlint(content)) {
    const { messageId, data } = report.message;
    const candidate = toCandidate(content, ruleId, messageId, report.range, data);
    if (candidate) found.push(candidate);
  }
  return found;
}

function toCandidate(
  content: string,
  ruleId: string,
  messageId: string,
  range: readonly [number, number],
  data: object | undefined,
): SecretCandidate | undefined {
  const known = MESSAGES[messageId] ?? { description: `Secret (${messageId})`, defaultName: 'SECRET' };
  const rule = `secretlint/${ruleId.replace('@secretlint/secretlint-rule-', '')}`;
  const reported = Object.values(data ?? {}).find((value): value is string => typeof value === 'string');
  const located = reported ? content.indexOf(reported, range[0]) : -1;
  const start = located >= 0 ? located : range[0];
  const end = located >= 0 ? located + reported!.length : range[1];
  const value = content.slice(start, end);
  const base = { rule, start, end, description: known.description, defaultName: known.defaultName };

  if (messageId === 'BasicAuth' || messageId.endsWith('Connection')) {
    const url = findCredentialUrls(value, start)[0];
    if (!url) return undefined;
    const confidence = credentialUrlConfidence(content.slice(url.passwordStart, url.passwordEnd), url.host, url.user);
    if (!confidence) return undefined;
    return {
      ...base,
      confidence,
      secretStart: url.passwordStart,
      secretEnd: url.passwordEnd,
      publicPrefix: 0,
      defaultName: messageId === 'BasicAuth' ? credentialUrlVariableName(url.scheme) : base.defaultName,
    };
  }
  if (messageId === 'PrivateKey') {
    const header = /^-----BEGIN[^\n]*?-----/.exec(value)?.[0].length ?? 0;
    const footer = /-----END[^\n]*?-----$/.exec(value)?.[0].length ?? 0;
    return { ...base, confidence: 'high', secretStart: start + header, secretEnd: end - footer, publicPrefix: 0 };
  }
  if (messageId === 'AWSAccountID') {
    const digits = /\d{4}-?\d{4}-?\d{4}/.exec(value);
    if (!digits) return undefined;
    const digitsStart = start + digits.index;
    return {
      ...base,
      confidence: 'low',
      secretStart: digitsStart,
      secretEnd: digitsStart + digits[0].length,
      publicPrefix: 0,
    };
  }
  const publicPrefix = PUBLIC_PREFIX.exec(value)?.[0].length ?? 0;
  if (isPlaceholderSecret(value, publicPrefix)) return undefined;
  return { ...base, confidence: known.confidence ?? 'high', secretStart: start, secretEnd: end, publicPrefix };
}

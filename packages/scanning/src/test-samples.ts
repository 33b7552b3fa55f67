// Test support (used by the specs only): credentials in each provider's real format, built from a seeded random
// generator so every run checks fresh-looking but reproducible values. None of them is a real credential.
import { generateKeyPairSync } from 'node:crypto';

export type Random = () => number;

/** mulberry32: a tiny seeded generator, so failures reproduce. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const HEX = '0123456789abcdef';

export function randomString(random: Random, length: number, alphabet = ALPHANUMERIC): string {
  // Random strings can, rarely, contain a run or word that reads as a placeholder; redraw those.
  for (;;) {
    let value = '';
    for (let i = 0; i < length; i++) value += alphabet[Math.floor(random() * alphabet.length)];
    const lower = value.toLowerCase();
    const looksMadeUp = /(.)\1{3}|abc|123|xyz|xxx|your|here|test|fake|mock|todo|demo|pass|secr|exam|samp/.test(lower);
    if (!looksMadeUp && /[A-Z]/.test(value) === /[A-Z]/.test(alphabet) && /\d/.test(value) === /\d/.test(alphabet)) {
      return value;
    }
  }
}

export interface SecretSample {
  label: string;
  /** The line as it would appear in a blueprint. */
  line: string;
  /** The credential itself: it must never appear in a report. */
  secret: string;
  /** Leading characters of `secret` that are public (e.g. 'sk_live_') and may be shown. */
  publicPrefix: string;
  /** Rules allowed to report it (secretlint's and ours may both cover a format). */
  rules: string[];
  confidence: 'high' | 'low';
  /** Template variable the suggestion should name. */
  variable: string;
}

export function secretSamples(random: Random): SecretSample[] {
  const r = (length: number, alphabet?: string) => randomString(random, length, alphabet);
  const jwt = [
    Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url'),
    Buffer.from(JSON.stringify({ sub: r(12), role: 'service', iat: 1_700_000_000 })).toString('base64url'),
    r(43),
  ].join('.');
  const samples: Array<Omit<SecretSample, 'line'> & { line: (secret: string) => string }> = [
    {
      label: 'OpenAI project key',
      secret: `sk-proj-${r(74)}T3BlbkFJ${r(74)}`,
      publicPrefix: 'sk-proj-',
      line: (s) => `OPENAI_API_KEY=${s}`,
      rules: ['secretlint/openai', 'openai-api-key'],
      confidence: 'high',
      variable: 'OPENAI_API_KEY',
    },
    {
      label: 'OpenAI project key without the marker',
      secret: `sk-proj-${r(120, ALPHANUMERIC + '_-')}`,
      publicPrefix: 'sk-proj-',
      line: (s) => `export const client = new OpenAI({ apiKey: "${s}" });`,
      rules: ['openai-api-key'],
      confidence: 'high',
      variable: 'API_KEY',
    },
    {
      label: 'legacy OpenAI key',
      secret: `sk-${r(20)}T3BlbkFJ${r(20)}`,
      publicPrefix: 'sk-',
      line: (s) => `Use the key ${s} for requests.`,
      rules: ['secretlint/openai', 'openai-api-key'],
      confidence: 'high',
      variable: 'OPENAI_API_KEY',
    },
    {
      label: 'Anthropic key',
      secret: `sk-ant-api03-${r(93, ALPHANUMERIC + '_-')}AA`,
      publicPrefix: 'sk-ant-api03-',
      line: (s) => `  ANTHROPIC_API_KEY: "${s}"`,
      rules: ['secretlint/anthropic', 'anthropic-api-key'],
      confidence: 'high',
      variable: 'ANTHROPIC_API_KEY',
    },
    {
      label: 'Anthropic admin key',
      secret: `sk-ant-admin01-${r(60)}`,
      publicPrefix: 'sk-ant-admin01-',
      line: (s) => `curl -H "x-api-key: ${s}" …`,
      rules: ['anthropic-api-key'],
      confidence: 'high',
      variable: 'X_API_KEY',
    },
    {
      label: 'Stripe live key',
      secret: `sk_live_${r(24)}`,
      publicPrefix: 'sk_live_',
      line: (s) => `stripe.api_key = '${s}'`,
      rules: ['stripe-secret-key'],
      confidence: 'high',
      variable: 'API_KEY',
    },
    {
      label: 'Stripe restricted key',
      secret: `rk_live_${r(99)}`,
      publicPrefix: 'rk_live_',
      line: (s) => `Restricted key: ${s}`,
      rules: ['stripe-secret-key'],
      confidence: 'high',
      variable: 'STRIPE_SECRET_KEY',
    },
    {
      label: 'Stripe test key',
      secret: `sk_test_${r(24)}`,
      publicPrefix: 'sk_test_',
      line: (s) => `STRIPE_KEY=${s}`,
      rules: ['stripe-test-key'],
      confidence: 'low',
      variable: 'STRIPE_KEY',
    },
    {
      label: 'Stripe webhook secret',
      secret: `whsec_${r(32)}`,
      publicPrefix: 'whsec_',
      line: (s) => `webhook secret ${s}`,
      rules: ['stripe-webhook-secret'],
      confidence: 'high',
      variable: 'STRIPE_WEBHOOK_SECRET',
    },
    {
      label: 'Slack bot token',
      secret: `xoxb-${r(12, '0123456789')}-${r(13, '0123456789')}-${r(24)}`,
      publicPrefix: 'xoxb-',
      line: (s) => `SLACK_BOT_TOKEN=${s}`,
      rules: ['secretlint/slack', 'slack-token'],
      confidence: 'high',
      variable: 'SLACK_BOT_TOKEN',
    },
    {
      label: 'Slack webhook',
      secret: `https://hooks.slack.com/services/T${r(10, UPPER_ALPHANUMERIC)}/B${r(10, UPPER_ALPHANUMERIC)}/${r(24)}`,
      publicPrefix: 'https://hooks.slack.com/services/',
      line: (s) => `Post the summary to ${s}`,
      rules: ['secretlint/slack', 'slack-webhook'],
      confidence: 'high',
      variable: 'SLACK_WEBHOOK_URL',
    },
    {
      label: 'GitHub token',
      secret: `ghp_${r(36)}`,
      publicPrefix: 'ghp_',
      line: (s) => `git clone https://github.com/acme/app (token ${s})`,
      rules: ['secretlint/github'],
      confidence: 'high',
      variable: 'GITHUB_TOKEN',
    },
    {
      label: 'GitHub fine-grained token',
      secret: `github_pat_${r(82, ALPHANUMERIC + '_')}`,
      publicPrefix: 'github_pat_',
      line: (s) => `GH_TOKEN=${s}`,
      rules: ['secretlint/github'],
      confidence: 'high',
      variable: 'GH_TOKEN',
    },
    {
      label: 'AWS secret access key',
      secret: r(40, ALPHANUMERIC + '/+'),
      publicPrefix: '',
      line: (s) => `aws_secret_access_key = ${s}`,
      rules: ['secretlint/aws', 'secret-assignment'],
      confidence: 'high',
      variable: 'AWS_SECRET_ACCESS_KEY',
    },
    {
      label: 'AWS access key id',
      secret: `AKIA${r(16, UPPER_ALPHANUMERIC)}`,
      publicPrefix: 'AKIA',
      line: (s) => `The deploy user is ${s}.`,
      rules: ['secretlint/aws'],
      confidence: 'low',
      variable: 'AWS_ACCESS_KEY_ID',
    },
    {
      label: 'npm token',
      secret: `npm_${r(36)}`,
      publicPrefix: 'npm_',
      line: (s) => `//registry.example/:_authToken=${s}`,
      rules: ['secretlint/npm', 'secret-assignment'],
      confidence: 'high',
      variable: 'AUTH_TOKEN',
    },
    {
      label: 'SendGrid key',
      secret: `SG.${r(22)}.${r(43)}`,
      publicPrefix: 'SG.',
      line: (s) => `sendgrid: ${s}`,
      rules: ['secretlint/sendgrid'],
      confidence: 'high',
      variable: 'SENDGRID_API_KEY',
    },
    {
      label: 'Google API key',
      secret: `AIza${r(35, ALPHANUMERIC + '_-')}`,
      publicPrefix: 'AIza',
      line: (s) => `const maps = load("${s}")`,
      rules: ['google-api-key'],
      confidence: 'high',
      variable: 'GOOGLE_API_KEY',
    },
    {
      label: 'GitLab token',
      secret: `glpat-${r(20)}`,
      publicPrefix: 'glpat-',
      line: (s) => `GITLAB_TOKEN: ${s}`,
      rules: ['gitlab-token'],
      confidence: 'high',
      variable: 'GITLAB_TOKEN',
    },
    {
      label: 'Hugging Face token',
      secret: `hf_${r(34, LETTERS)}`,
      publicPrefix: 'hf_',
      line: (s) => `huggingface-cli login --token ${s}`,
      rules: ['huggingface-token'],
      confidence: 'high',
      variable: 'HF_TOKEN',
    },
    {
      label: 'JWT',
      secret: jwt,
      publicPrefix: 'eyJ',
      line: (s) => `Authorization: Bearer ${s}`,
      rules: ['jwt'],
      confidence: 'low',
      variable: 'JWT',
    },
    {
      label: 'high-entropy session secret',
      secret: r(48),
      publicPrefix: '',
      line: (s) => `SESSION_SECRET="${s}"`,
      rules: ['secret-assignment'],
      confidence: 'high',
      variable: 'SESSION_SECRET',
    },
    {
      label: 'hex signing key',
      secret: r(32, HEX),
      publicPrefix: '',
      line: (s) => `signingKey: ${s}`,
      rules: ['secret-assignment'],
      confidence: 'low',
      variable: 'SIGNING_KEY',
    },
  ];
  return samples.map((sample) => ({ ...sample, line: sample.line(sample.secret) }));
}

export interface ConnectionStringSample {
  label: string;
  line: string;
  password: string;
  confidence: 'high' | 'low';
  variable: string;
}

export function connectionStringSamples(random: Random): ConnectionStringSample[] {
  const password = () => randomString(random, 16);
  const samples: Array<Omit<ConnectionStringSample, 'line'> & { line: (password: string) => string }> = [
    {
      label: 'PostgreSQL',
      password: password(),
      line: (p) => `DATABASE_URL=postgres://app_user:${p}@db.prod.acme.io:5432/app`,
      confidence: 'high',
      variable: 'DATABASE_URL',
    },
    {
      label: 'MongoDB SRV',
      password: password(),
      line: (p) => `uri = "mongodb+srv://svc:${p}@cluster0.ab1cd.mongodb.net/prod?retryWrites=true"`,
      confidence: 'high',
      variable: 'DATABASE_URL',
    },
    {
      label: 'Redis without user',
      password: password(),
      line: (p) => `Cache: redis://:${p}@cache.acme.io:6379/0`,
      confidence: 'high',
      variable: 'REDIS_URL',
    },
    {
      label: 'MySQL',
      password: password(),
      line: (p) => `mysql://root:${p}@10.0.3.7:3306/shop`,
      confidence: 'high',
      variable: 'DATABASE_URL',
    },
    {
      label: 'AMQP',
      password: password(),
      line: (p) => `BROKER_URL: amqps://worker:${p}@mq.acme.io/vhost`,
      confidence: 'high',
      variable: 'BROKER_URL',
    },
    {
      label: 'local development database',
      password: password(),
      line: (p) => `postgresql://dev:${p}@localhost:5432/dev`,
      confidence: 'low',
      variable: 'DATABASE_URL',
    },
  ];
  return samples.map((sample) => ({ ...sample, line: sample.line(sample.password) }));
}

/** A freshly generated RSA private key in PEM, and the same key as a "\n"-escaped JSON string value. */
export function privateKeySamples(): { pem: string; json: string } {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString().trim();
  return { pem, json: `  "private_key": ${JSON.stringify(pem + '\n')},` };
}

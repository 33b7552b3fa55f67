/** The scopes an API token can carry (the API's auth/scopes.ts), with what each allows. */
import type { ApiScope } from './api/api-tokens-api';

export const API_SCOPES: ReadonlyArray<{ value: ApiScope; label: string; hint: string }> = [
  { value: 'blueprints:read', label: 'Read blueprints', hint: 'List and download blueprints you can see.' },
  { value: 'blueprints:write', label: 'Write blueprints', hint: 'Create, update and publish your blueprints.' },
  { value: 'profile:read', label: 'Read profile', hint: 'Read your name, handle and email address.' },
  {
    value: 'variables:read',
    label: 'Use saved variables',
    hint: 'Read your saved variable values, and fill them in when rendering or downloading. They are often secrets.',
  },
  { value: 'variables:write', label: 'Change saved variables', hint: 'Save and delete your variable values.' },
];

export const EXPIRY_CHOICES = [
  { days: 7, label: '7 days' },
  { days: 30, label: '30 days' },
  { days: 90, label: '90 days' },
  { days: 365, label: '1 year' },
  { days: 0, label: 'Never' },
] as const;

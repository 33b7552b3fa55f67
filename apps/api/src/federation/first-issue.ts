import type { z } from 'zod';

/** What was wrong with a peer's document, for the crawl log: the first problem zod found, as `path: message`. */
export function firstIssue(error: z.ZodError, whole: string): string {
  const issue = error.issues[0];
  return `${issue?.path.map(String).join('.') || whole}: ${issue?.message ?? 'invalid'}`;
}

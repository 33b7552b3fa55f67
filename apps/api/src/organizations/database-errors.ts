import { Prisma } from '../generated/prisma/client';

/**
 * Whether a database error names one of our hand-written constraints (raised by triggers, so Prisma knows nothing of
 * them and reports them in its generic shapes). The name travels in the message, the meta or the driver's cause.
 */
export function isConstraintViolation(error: unknown, ...names: string[]): boolean {
  if (!(error instanceof Error)) return false;
  const seen = new Set<unknown>();
  const texts: string[] = [];
  let current: unknown = error;
  while (current instanceof Object && !seen.has(current)) {
    seen.add(current);
    const record = current as { message?: unknown; meta?: unknown; cause?: unknown };
    if (typeof record.message === 'string') texts.push(record.message);
    if (record.meta !== undefined) texts.push(safeJson(record.meta));
    current = record.cause;
  }
  const text = texts.join('\n');
  return names.some((name) => text.includes(name));
}

/** A plain unique-index violation (P2002). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '';
  }
}

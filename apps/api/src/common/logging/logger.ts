import pino, { type DestinationStream, type Logger } from 'pino';
import { maskString, redactValue } from './redaction';

/**
 * Structured JSON logs. Every object passes through redactValue and every message through maskString, so a
 * careless `logger.info({ headers })` still cannot leak a credential, an email address or a phone number.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'lynxprompt-api' },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => redactValue(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((arg) => (typeof arg === 'string' ? maskString(arg) : arg));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

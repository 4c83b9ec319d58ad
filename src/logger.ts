import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured JSON logs. Message bodies, identity factors, card numbers and secrets are never
 * passed to the logger by our code; these paths are redacted as a second line of defence.
 */
export const REDACTED_LOG_PATHS = [
  'text',
  '*.text',
  'body',
  '*.body',
  'dob',
  '*.dob',
  'ssnLast4',
  '*.ssnLast4',
  'password',
  '*.password',
  'authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  '*.secret',
  '*.apiKey',
];

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'debt-bot' },
      redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}

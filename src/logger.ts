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

/**
 * A channel conversation id fit for a log line, or undefined when it would carry a phone number
 * (SMS threads are "sms:<phone>"): those turns are logged with the Conversation row id instead.
 */
export function loggableConversationId(id: string | undefined): string | undefined {
  if (!id) return undefined;
  return /\d{7}/.test(id.replace(/[\s().-]/g, '')) ? undefined : id;
}

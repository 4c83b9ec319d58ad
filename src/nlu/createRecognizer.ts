import OpenAI from 'openai';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { LlmRecognizer } from './llmRecognizer.ts';
import type { Recognizer } from './recognizer.ts';

type RecognizerConfig = Pick<Config, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'OPENAI_MODEL' | 'OPENAI_TIMEOUT_MS'>;

/**
 * The recognizer the bot uses: the deterministic one alone when OPENAI_API_KEY is unset,
 * otherwise the language-model recognizer with the deterministic one as its fallback.
 */
export function createRecognizer(config: RecognizerConfig, logger: Logger, deterministic: Recognizer): Recognizer {
  const apiKey = config.OPENAI_API_KEY;
  if (!apiKey) {
    logger.info({ event: 'nlu.recognizer', recognizer: 'deterministic' }, 'language model not configured; deterministic recognizer only');
    return deterministic;
  }
  const client = new OpenAI({
    apiKey,
    baseURL: config.OPENAI_BASE_URL,
    timeout: config.OPENAI_TIMEOUT_MS,
    maxRetries: 0,
  });
  logger.info(
    { event: 'nlu.recognizer', recognizer: 'llm', model: config.OPENAI_MODEL, customBaseUrl: config.OPENAI_BASE_URL !== undefined },
    'language model recognizer enabled, deterministic fallback',
  );
  return new LlmRecognizer({ client, model: config.OPENAI_MODEL, fallback: deterministic, timeoutMs: config.OPENAI_TIMEOUT_MS, logger });
}

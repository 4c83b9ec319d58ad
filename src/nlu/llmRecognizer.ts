/**
 * The optional language-model recognizer: an OpenAI-compatible chat model classifies the debtor's
 * message into our fixed intent vocabulary. It sits behind the same Recognizer port as the
 * deterministic recognizer and never replaces it:
 *
 * - the deterministic (fallback) recognizer ALWAYS runs too, in parallel;
 * - any failure of the model — HTTP error, timeout, refusal, malformed JSON, output that does not
 *   match the schema exactly — returns the fallback's result unchanged;
 * - when the model answers validly, the intents are the union of both, in priority order, so a
 *   rights or safety intent found by EITHER recognizer wins;
 * - entities parsed by code (dates, money, ZIP, account numbers) win over the model's; the model's
 *   are used only where the code found nothing, and only after validation. The SSN last 4 never
 *   comes from the model.
 *
 * The model only ever picks among intents and fills typed slots: nothing it writes is shown to the
 * debtor. Text is redacted by the caller before it gets here; card numbers, SSNs and dates of
 * birth are redacted again here, defensively, before anything is sent. Neither the text nor the
 * model's answer is ever logged.
 */
import { redactCardNumbers } from '../domain/redaction.ts';
import type OpenAI from 'openai';
import { APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { z } from 'zod';
import type { Logger } from '../logger.ts';
import { loadPrompt } from './prompts.ts';
import {
  OTHER_INTENTS,
  RIGHTS_INTENTS,
  byPriority,
  type CalendarDate,
  type Entities,
  type Intent,
  type MoneyMention,
  type RecognizeContext,
  type Recognition,
  type Recognizer,
} from './recognizer.ts';

/** The prompt file (prompts/intent-classifier.v3.md) this recognizer sends as its system message. */
export const INTENT_PROMPT_NAME = 'intent-classifier.v3';

function isCalendarDate(date: CalendarDate): boolean {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day));
  return d.getUTCFullYear() === date.year && d.getUTCMonth() === date.month - 1 && d.getUTCDate() === date.day;
}

const intentSchema = z.enum([...RIGHTS_INTENTS, ...OTHER_INTENTS]);

/**
 * What the model must answer. Strict objects (no extra keys), every key required, "absent" as
 * null: the shape OpenAI's strict structured outputs accept. The same schema validates the reply.
 */
export const llmClassificationSchema = z.strictObject({
  intent: intentSchema,
  intents: z.array(intentSchema).min(1),
  entities: z.strictObject({
    dates: z.array(
      z
        .strictObject({
          year: z.int().min(1900).max(2100),
          month: z.int().min(1).max(12),
          day: z.int().min(1).max(31),
        })
        .refine(isCalendarDate, { message: 'not a calendar date' }),
    ),
    ambiguousDate: z.boolean(),
    money: z.array(
      z.strictObject({
        amount: z.int().min(0).describe('integer minor units (cents)'),
        per: z.enum(['week', 'two_weeks', 'month']).nullable(),
      }),
    ),
    zip: z.string().regex(/^[0-9]{5}$/).nullable(),
    accountNumber: z
      .string()
      .regex(/^[A-Za-z0-9-]{3,40}$/)
      .refine((v) => /[0-9]/.test(v), { message: 'expected at least one digit' })
      .nullable(),
    language: z.enum(['en', 'es']).nullable(),
    count: z.int().min(1).max(360).nullable(),
  }),
});

export type LlmClassification = z.infer<typeof llmClassificationSchema>;

/** The JSON schema sent as response_format, made from the zod schema. */
export const llmClassificationJsonSchema: Record<string, unknown> = (() => {
  const schema = z.toJSONSchema(llmClassificationSchema, {
    // z.int() carries ±MAX_SAFE_INTEGER bounds; they say nothing useful to a model, so drop them.
    override: ({ jsonSchema }) => {
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as Record<string, unknown>;
  delete schema.$schema;
  return schema;
})();

// ---------------------------------------------------------------------------------------------
// Defensive redaction (the caller redacts first; this is the second line).

const REDACTED = '[redacted]';

/**
 * Replaces card numbers (13-19 digits, optionally grouped by spaces or dashes, passing Luhn), SSNs
 * (###-##-####), digits following "ssn" / "social" / "last four" (and Spanish equivalents) and
 * dates following "born" / "birth" / "dob" / "nacimiento" with "[redacted]".
 */
function redactForModel(text: string): string {
  return redactCardNumbers(text)
    .text.replace(/(?<![0-9])[0-9]{3}[- ][0-9]{2}[- ][0-9]{4}(?![0-9])/g, REDACTED)
    .replace(
      /((?<!\p{L})(?:ssn|ss#|social(?:\s+security)?|last\s+(?:four|4)|[uú]ltimos\s+(?:cuatro|4)|seguro\s+social)(?!\p{L})[^0-9]{0,25})[0-9](?:[ -]?[0-9]){3,8}(?![0-9])/giu,
      `$1${REDACTED}`,
    )
    .replace(
      /((?<!\p{L})(?:born|birth|birthday|dob|d\.o\.b\.?|nac[ií]|nacimiento|cumpleaños)(?!\p{L})[^0-9]{0,25})(?:[0-9]{1,4}[-/.][0-9]{1,2}[-/.][0-9]{1,4}|[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}|[0-9]{1,2}(?:\s+de)?\s+\p{L}+(?:\s+de)?\s+[0-9]{4})/giu,
      `$1${REDACTED}`,
    );
}

// ---------------------------------------------------------------------------------------------

export interface LlmRecognizerOptions {
  client: OpenAI;
  model: string;
  /** The deterministic recognizer: always run, and used alone whenever the model fails. */
  fallback: Recognizer;
  /** The model's time limit per message; past it the fallback's result is returned. */
  timeoutMs: number;
  logger: Logger;
}

type FailureReason = 'timeout' | 'http' | 'network' | 'refusal' | 'empty' | 'invalid_json' | 'schema';

class LlmFailure extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly status?: number,
    readonly issues?: string[],
  ) {
    super(`LLM recognizer failed: ${reason}`);
  }
}

export class LlmRecognizer implements Recognizer {
  private readonly client: OpenAI;
  private readonly model: string;
  private readonly fallback: Recognizer;
  private readonly timeoutMs: number;
  private readonly logger: Logger;
  private readonly systemPrompt: string;

  constructor(options: LlmRecognizerOptions) {
    this.client = options.client;
    this.model = options.model;
    this.fallback = options.fallback;
    this.timeoutMs = options.timeoutMs;
    this.logger = options.logger;
    this.systemPrompt = loadPrompt(INTENT_PROMPT_NAME);
  }

  async recognize(text: string, context: RecognizeContext): Promise<Recognition> {
    const started = Date.now();
    const llm = this.classify(text, context).then(
      (value) => ({ ok: true as const, value }),
      (error: unknown) => ({ ok: false as const, error }),
    );
    const deterministic = await this.fallback.recognize(text, context);
    const answer = await llm;
    const ms = Date.now() - started;
    if (!answer.ok) {
      const failure = toFailure(answer.error);
      // Reason, status and schema paths only: never the text, never the model's answer.
      this.logger.warn(
        { event: 'nlu.llm_fallback', reason: failure.reason, status: failure.status, issues: failure.issues, ms, model: this.model },
        'language model unusable; deterministic recognition used',
      );
      return deterministic;
    }
    const result = merge(deterministic, answer.value);
    this.logger.debug(
      { event: 'nlu.llm', intent: result.intent, intents: result.intents, deterministicIntent: deterministic.intent, ms, model: this.model },
      'language model recognition',
    );
    return result;
  }

  private async classify(text: string, context: RecognizeContext): Promise<LlmClassification> {
    let completion: OpenAI.Chat.Completions.ChatCompletion;
    try {
      completion = await this.client.chat.completions.create(
        {
          model: this.model,
          temperature: 0,
          messages: [
            { role: 'system', content: this.systemPrompt },
            { role: 'system', content: `Conversation language: ${context.language === 'es' ? 'Spanish (es)' : 'English (en)'}.` },
            { role: 'user', content: redactForModel(text) },
          ],
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'intent_classification', strict: true, schema: llmClassificationJsonSchema },
          },
        },
        { timeout: this.timeoutMs, maxRetries: 0, signal: AbortSignal.timeout(this.timeoutMs) },
      );
    } catch (error) {
      throw toFailure(error);
    }
    const message = completion.choices[0]?.message;
    if (message?.refusal) throw new LlmFailure('refusal');
    const content = message?.content;
    if (typeof content !== 'string' || content.trim() === '') throw new LlmFailure('empty');
    let json: unknown;
    try {
      json = JSON.parse(content);
    } catch {
      throw new LlmFailure('invalid_json');
    }
    const parsed = llmClassificationSchema.safeParse(json);
    if (!parsed.success) {
      throw new LlmFailure(
        'schema',
        undefined,
        parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.code}`),
      );
    }
    return parsed.data;
  }
}

function toFailure(error: unknown): LlmFailure {
  if (error instanceof LlmFailure) return error;
  if (error instanceof APIConnectionTimeoutError || error instanceof APIUserAbortError) return new LlmFailure('timeout');
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return new LlmFailure('timeout');
  if (error instanceof APIError && typeof error.status === 'number') return new LlmFailure('http', error.status);
  return new LlmFailure('network');
}

/** Union of intents (priority order), deterministic entities first, the model's where code found none. */
function merge(deterministic: Recognition, llm: LlmClassification): Recognition {
  let intents = byPriority([...deterministic.intents, deterministic.intent, llm.intent, ...llm.intents]);
  if (intents.length > 1) intents = intents.filter((intent) => intent !== 'unknown');
  const intent: Intent = intents[0] ?? 'unknown';
  return { intent, intents, entities: mergeEntities(deterministic.entities, llm.entities), source: 'llm' };
}

function mergeEntities(code: Entities, model: LlmClassification['entities']): Entities {
  const codeHasDates = code.dates.length > 0 || code.ambiguousDate === true;
  const entities: Entities = {
    dates: codeHasDates ? code.dates : model.dates.map(({ year, month, day }) => ({ year, month, day })),
    money: code.money.length > 0 ? code.money : model.money.map(toMoneyMention),
  };
  const ambiguousDate = codeHasDates ? code.ambiguousDate : model.ambiguousDate || undefined;
  if (ambiguousDate !== undefined) entities.ambiguousDate = ambiguousDate;
  if (code.ambiguousDateReadings) entities.ambiguousDateReadings = code.ambiguousDateReadings;
  const zip = code.zip ?? model.zip ?? undefined;
  if (zip !== undefined) entities.zip = zip;
  // Identity factor: only ever from code (the model never sees it: it is redacted before sending).
  if (code.ssnLast4 !== undefined) entities.ssnLast4 = code.ssnLast4;
  const accountNumber = code.accountNumber ?? model.accountNumber ?? undefined;
  if (accountNumber !== undefined) entities.accountNumber = accountNumber;
  const language = code.language ?? model.language ?? undefined;
  if (language !== undefined) entities.language = language;
  const count = code.count ?? model.count ?? undefined;
  if (count !== undefined) entities.count = count;
  // A name and a stated contact preference are only ever read by code.
  if (code.name !== undefined) entities.name = code.name;
  if (code.contactPreference !== undefined) entities.contactPreference = code.contactPreference;
  return entities;
}

function toMoneyMention(money: LlmClassification['entities']['money'][number]): MoneyMention {
  return money.per === null ? { amount: money.amount } : { amount: money.amount, per: money.per };
}

/** Exposed for tests only. */
export const __testing = { redactForModel };

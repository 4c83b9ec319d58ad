/**
 * Prompt files for the optional language-model recognizer. Prompts are versioned text in the
 * repository's `prompts/` folder (`<name>.md`, the version in the name: `intent-classifier.v1`),
 * never code: changing a prompt means adding a new file and pointing the code at it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's `prompts/` folder (this file is src/nlu/prompts.ts). */
const PROMPTS_URL = new URL('../../prompts/', import.meta.url);
export const PROMPTS_DIR = fileURLToPath(PROMPTS_URL);

const cache = new Map<string, string>();

/** Reads `prompts/<name>.md` once per process. Names are plain file names: no paths. */
export function loadPrompt(name: string): string {
  if (!/^[a-z0-9][a-z0-9._-]*$/i.test(name) || name.includes('..')) {
    throw new Error(`Invalid prompt name: ${name}`);
  }
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(new URL(`${name}.md`, PROMPTS_URL), 'utf8');
    cache.set(name, text);
  }
  return text;
}

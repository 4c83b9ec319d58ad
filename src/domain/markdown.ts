/**
 * Data in debtor-facing text (names and creditors from a placement file, the debtor's own words
 * echoed back). Web Chat renders the bot's text as Markdown with raw HTML allowed and bare links
 * made clickable, so on Markdown channels every ASCII punctuation character of the data is
 * backslash-escaped (CommonMark lets any of them be escaped, and they then render as themselves):
 * no element, link, emphasis or list can come out of data. Line breaks become spaces so data cannot
 * start a block of its own. SMS shows text as it is: there the data goes in unchanged.
 */
export type TextFormat = 'markdown' | 'plain';

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** `value` rendered by a Markdown renderer shows exactly `value` (on one line). */
export function escapeMarkdown(value: string): string {
  return value.replace(/\s*[\r\n]+\s*/g, ' ').replace(ASCII_PUNCTUATION, (c) => `\\${c}`);
}

/** Data to put into a catalogue sentence on a channel that shows text as `format`. */
export function dataForText(value: string, format: TextFormat): string {
  return format === 'markdown' ? escapeMarkdown(value) : value;
}

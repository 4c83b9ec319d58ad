/**
 * Well-formed UTF-16: every lone surrogate (half of a pair, as "\ud800" in a JSON body can carry)
 * becomes U+FFFD. Such text cannot be stored as UTF-8, so it is made well-formed where it enters.
 * (String.prototype.toWellFormed does the same, but is not in the ES2022 library this project targets.)
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD');
}

/** The same value with every string in it (keys included) well-formed; other values untouched. */
export function wellFormedDeep(value: unknown): unknown {
  if (typeof value === 'string') return wellFormed(value);
  if (Array.isArray(value)) return value.map(wellFormedDeep);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormed(key), wellFormedDeep(item)]));
  }
  return value;
}

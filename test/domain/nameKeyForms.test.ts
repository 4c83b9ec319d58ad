import { describe, expect, it } from 'vitest';
import { nameKey, nameKeyForms } from '../../src/domain/names.ts';

/** A name typed without its apostrophe or hyphen still finds the key it is stored under (review 10, 11b). */
describe('nameKeyForms', () => {
  it.each([
    ['james oconnor', "James O'Connor"],
    ['shaun oneill', "Shaun O'Neill"],
    ['maria garcia lopez', 'Maria Garcia-Lopez'],
    ["james o'connor", "James O'Connor"],
    ['James O Connor', "James O'Connor"],
  ])('"%s" finds "%s"', (typed, stored) => {
    expect(nameKeyForms(typed)).toContain(nameKey(stored));
  });

  it('adds no apostrophe where none belongs ("olivia grant", "oscar diaz")', () => {
    expect(nameKeyForms('olivia grant')).toEqual(['olivia grant']);
    expect(nameKeyForms('oscar diaz')).toEqual(['oscar diaz']);
  });

  it('a single name gives nothing to look up', () => {
    expect(nameKeyForms('james')).toEqual([]);
  });
});

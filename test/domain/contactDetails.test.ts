import { describe, expect, it } from 'vitest';
import { contactDetailsFrom, nameAfterCue, relativesNamed, withoutSelfIntroduction } from '../../src/domain/contactDetails.ts';
import { nameFrom } from '../../src/domain/names.ts';

/** An attorney's or an estate's name and contact from one message (DESIGN 6, 17; #12 item 5). */
describe('contactDetailsFrom', () => {
  it.each([
    ['I have a lawyer, his name is Dan Reyes, 415-555-0100', { name: 'Dan Reyes', contact: '415-555-0100' }],
    ["I'm represented by Dan Reyes (415) 555-0100", { name: 'Dan Reyes', contact: '(415) 555-0100' }],
    ['Kim Wexler, kim@wexler.example', { name: 'Kim Wexler', contact: 'kim@wexler.example' }],
    ['my lawyer is Dan Reyes', { name: 'Dan Reyes' }],
    ['Saul Goodman', { name: 'Saul Goodman' }],
    ['505-555-0100', { contact: '505-555-0100' }],
    ['+1 415 555 0100', { contact: '+1 415 555 0100' }],
    ['se llama Ana Ruiz y su teléfono es 210-555-0199', { name: 'Ana Ruiz', contact: '210-555-0199' }],
    ['his name was Robert Williams', { name: 'Robert Williams' }],
    ['talk to my lawyer', {}],
    ['I do not know it', {}],
    ['x', {}],
  ])('"%s"', (text, details) => {
    expect(contactDetailsFrom(text)).toEqual(details);
  });
});

describe('names in a message', () => {
  it.each([
    ['Maria Johnson', 'Maria Johnson'],
    ['my name is maria johnson', 'maria johnson'],
    ['Juan de la Cruz', 'Juan de la Cruz'],
    ['Will Smith', 'Will Smith'],
    ['blah blah', null],
    ['I do not know', null],
    ['what is this', null],
    ['talk to my lawyer', null],
    ['A-1001', null],
  ])('nameFrom("%s") = %s', (text, name) => {
    expect(nameFrom(text)).toBe(name);
  });

  it('a single name only when asked for one', () => {
    expect(nameFrom('Goodman')).toBeNull();
    expect(nameFrom('Goodman', { minWords: 1 })).toBe('Goodman');
    expect(nameFrom('idk', { minWords: 1 })).toBeNull();
  });

  it.each([
    ['this is Maria Johnson, born March 14 1985', 'Maria Johnson'],
    ['me llamo Maria Johnson, nací el 14 de marzo de 1985', 'Maria Johnson'],
    ['soy Carlos Ramírez y quiero pagar', 'Carlos Ramírez'],
    ["I'm worried about this", undefined],
    ['I am not sure', undefined],
  ])('nameAfterCue("%s") = %s', (text, name) => {
    expect(nameAfterCue(text)).toBe(name);
  });
});

/** A relative named in passing, for a death reported by a relative (DESIGN 17, review C14). */
describe('relativesNamed', () => {
  it.each<[string, string[]]>([
    ['Hi, my father Harold Jenkins passed away in October. We got a letter', ['Harold Jenkins']],
    ['the estate is handled by my brother Mark Jenkins, 216-555-0400', ['Mark Jenkins']],
    ['my dad harold jenkins died last month', ['harold jenkins']],
    ['my mother, Ana Ruiz, died in May', ['Ana Ruiz']],
    ['my father Harold Jenkins passed away, my sister Ana Jenkins handles the estate', ['Harold Jenkins', 'Ana Jenkins']],
    ['Hola, mi papá Harold Jenkins falleció en octubre', ['Harold Jenkins']],
    ['la herencia la lleva mi hermano Marcos Jenkins, 216-555-0400', ['Marcos Jenkins']],
    ['my father passed away last month', []],
    ['my husband is handling it', []],
    ['talk to my lawyer', []],
  ])('"%s"', (text, names) => {
    expect(relativesNamed(text)).toEqual(names);
  });
});

describe('fresh-eyes round 4, D11', () => {
  it('"Susan Kim at Kim & Ortiz, 215-555-0177": the name before the firm, and the phone', () => {
    expect(contactDetailsFrom('Susan Kim at Kim & Ortiz, 215-555-0177')).toEqual({ name: 'Susan Kim', contact: '215-555-0177' });
  });
  it('a self-introduction is taken out where another person\'s name is wanted', () => {
    expect(nameAfterCue(withoutSelfIntroduction('This is Paul Donovan. My attorney is Susan Kim'))).toBe('Susan Kim');
  });
});

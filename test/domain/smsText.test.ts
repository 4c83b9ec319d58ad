import { describe, expect, it } from 'vitest';
import { classifyKeyword, MAX_SEGMENTS_PER_MESSAGE, smsEncoding, smsLength, smsSegments, splitSms, toGsmLookalikes } from '../../src/domain/smsText.ts';

describe('DESIGN 5: SMS keywords (whole message, case-insensitive, trimmed)', () => {
  it.each(['STOP', 'stop', ' Stop ', 'sToP', 'Stop.', 'STOP!', 'END', 'end', 'Cancel', 'UNSUBSCRIBE', 'quit', 'STOPALL', 'StopAll', 'revoke', 'opt out', 'OPT-OUT', '\n stop \n', 'BAJA', 'baja', 'Alto', 'PARAR', 'detener', 'Cancelar.'])(
    '%j opts out',
    (text) => expect(classifyKeyword(text)).toBe('opt_out'),
  );

  it.each(['START', 'start', ' Unstop '])('%j opts back in', (text) => expect(classifyKeyword(text)).toBe('opt_in'));

  it.each(['HELP', 'help', 'Info', ' INFO. ', 'AYUDA', 'ayuda'])('%j asks for help', (text) => expect(classifyKeyword(text)).toBe('help'));

  it.each(['stop please', 'please stop', 'stop contacting me', 'STOP STOP', 'stopp', 'help me', 'yes', 'started', 'end it', 'baja por favor', 'alto ahi', '', '   '])(
    '%j is not a keyword (the bot handles it)',
    (text) => expect(classifyKeyword(text)).toBeNull(),
  );
});

describe('SMS encoding', () => {
  it('detects GSM-7 and UCS-2 and counts as the network does', () => {
    expect(smsEncoding('Hello, this is plain text @ $5 (ok)?')).toBe('GSM-7');
    expect(smsEncoding('Está bien')).toBe('UCS-2'); // á is not in GSM-7
    expect(smsEncoding('él niño ¿sí?')).toBe('UCS-2'); // í is not
    expect(smsEncoding('él niño ¿qué?')).toBe('GSM-7'); // é, ñ, ¿ are
    expect(smsEncoding('Pay 100 € [now]')).toBe('GSM-7');
    expect(smsLength('€[]', 'GSM-7')).toBe(6); // extension characters take two septets
    expect(smsEncoding('Thanks 🙂')).toBe('UCS-2');
    expect(smsLength('Thanks 🙂')).toBe(9); // the emoji is two UTF-16 code units
  });

  it('replaces typographic characters with GSM-7 look-alikes, never letters', () => {
    const fancy = 'Account ••1001 — it\u2019s \u201Cdue\u201D\u2026\u00A0ok';
    expect(smsEncoding(fancy)).toBe('UCS-2');
    expect(toGsmLookalikes(fancy)).toBe('Account **1001 - it\'s "due"... ok');
    expect(smsEncoding(toGsmLookalikes(fancy))).toBe('GSM-7');
    expect(toGsmLookalikes('Está aquí, señor')).toBe('Está aquí, señor');
  });
});

describe('segments and messages (issue #16 item 3)', () => {
  const sentence = (n: number) => `This is sentence number ${n} of a fairly long reply from the bot.`;
  const long = Array.from({ length: 8 }, (_, i) => sentence(i + 1)).join(' ');
  const footer = 'Summit Recovery Services is a debt collector. Reply STOP to opt out.';

  it('counts segments as the network does: 160 then 153 per segment in GSM-7, 70 then 67 once an accent needs UCS-2', () => {
    expect(smsSegments('x'.repeat(160))).toEqual({ encoding: 'GSM-7', length: 160, segments: 1 });
    expect(smsSegments('x'.repeat(161)).segments).toBe(2);
    expect(smsSegments('x'.repeat(306)).segments).toBe(2);
    expect(smsSegments('x'.repeat(307)).segments).toBe(3);
    expect(smsSegments('€'.repeat(80))).toMatchObject({ encoding: 'GSM-7', length: 160, segments: 1 });
    expect(smsSegments('á'.repeat(70))).toEqual({ encoding: 'UCS-2', length: 70, segments: 1 });
    expect(smsSegments('á'.repeat(71)).segments).toBe(2);
    expect(smsSegments('á'.repeat(135)).segments).toBe(3);
    // é, ñ, ¿ and ¡ are in the GSM-7 alphabet; á, í, ó and ú are not.
    expect(smsEncoding('¿Señor? ¡Café!')).toBe('GSM-7');
    expect(smsEncoding('¿Está?')).toBe('UCS-2');
  });

  it('keeps a text as one message: the phone joins its segments, so no sentence is ever cut in two', () => {
    expect(splitSms('Short reply.')).toEqual(['Short reply.']);
    expect(splitSms(long)).toEqual([long]);
    const spanish = 'Según nuestros registros, el saldo está pendiente. Puede pagar en línea cuando quiera. También puede hablar con una persona.';
    expect(splitSms(spanish)).toEqual([spanish]);
  });

  it('DESIGN 2: the footer goes once per message, at its end, not once per segment', () => {
    const [message, ...more] = splitSms(long, { footer });
    expect(more).toEqual([]);
    expect(message!.split(footer)).toHaveLength(2);
    expect(message!.endsWith(`\n${footer}`)).toBe(true);
    expect(splitSms('Your payment was received.', { footer })).toEqual([`Your payment was received.\n${footer}`]);
  });

  it('only text over ten segments becomes several messages, numbered, at sentence boundaries, the footer on the last only', () => {
    const huge = Array.from({ length: 40 }, (_, i) => sentence(i + 1)).join(' ');
    const parts = splitSms(huge, { footer });
    expect(parts.length).toBe(2);
    parts.forEach((part, i) => {
      expect(part.startsWith(`(${i + 1}/2) This is sentence number`)).toBe(true);
      expect(smsSegments(part).segments).toBeLessThanOrEqual(MAX_SEGMENTS_PER_MESSAGE);
    });
    expect(parts[0]!.endsWith('bot.')).toBe(true);
    expect(parts.filter((p) => p.includes(footer))).toEqual([parts[1]]);
    expect(parts.map((p) => p.replace(/^\(\d+\/\d+\) /, '').replace(`\n${footer}`, '')).join(' ')).toBe(huge);
  });

  it('never breaks a link', () => {
    const link = `https://chat.example.test/notices/${'a'.repeat(2000)}`;
    const parts = splitSms(`Here is your link. ${link} Thank you.`);
    expect(parts.filter((p) => p.includes(link))).toHaveLength(1);
  });
});

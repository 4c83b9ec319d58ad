import { describe, expect, it } from 'vitest';
import { classifyKeyword, smsEncoding, smsLength, splitSms, toGsmLookalikes } from '../../src/domain/smsText.ts';

describe('DESIGN 5: SMS keywords (whole message, case-insensitive, trimmed)', () => {
  it.each(['STOP', 'stop', ' Stop ', 'sToP', 'Stop.', 'STOP!', 'END', 'end', 'Cancel', 'UNSUBSCRIBE', 'quit', 'STOPALL', 'StopAll', 'revoke', 'opt out', 'OPT-OUT', '\n stop \n'])(
    '%j opts out',
    (text) => expect(classifyKeyword(text)).toBe('opt_out'),
  );

  it.each(['START', 'start', ' Unstop '])('%j opts back in', (text) => expect(classifyKeyword(text)).toBe('opt_in'));

  it.each(['HELP', 'help', 'Info', ' INFO. '])('%j asks for help', (text) => expect(classifyKeyword(text)).toBe('help'));

  it.each(['stop please', 'please stop', 'stop contacting me', 'STOP STOP', 'stopp', 'help me', 'yes', 'started', 'end it', '', '   '])(
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

describe('splitting long SMS at sentence boundaries into numbered parts', () => {
  const sentence = (n: number) => `This is sentence number ${n} of a fairly long reply from the bot.`;
  const long = Array.from({ length: 8 }, (_, i) => sentence(i + 1)).join(' ');

  it('keeps a text that fits one segment as one unnumbered part', () => {
    expect(splitSms('Short reply.')).toEqual(['Short reply.']);
    const exactly160 = 'x'.repeat(160);
    expect(splitSms(exactly160)).toEqual([exactly160]);
  });

  it('numbers the parts "(i/n) " and keeps each within 160 GSM-7 characters, whole sentences only', () => {
    const parts = splitSms(long);
    expect(parts.length).toBeGreaterThan(1);
    parts.forEach((part, i) => {
      expect(part.startsWith(`(${i + 1}/${parts.length}) `)).toBe(true);
      expect(smsLength(part)).toBeLessThanOrEqual(160);
      expect(part.replace(/^\(\d+\/\d+\) /, '')).toMatch(/^This is sentence number \d+ .*bot\.$/);
    });
    expect(parts.map((p) => p.replace(/^\(\d+\/\d+\) /, '')).join(' ')).toBe(long);
  });

  it('keeps each part within 70 characters when the text needs UCS-2', () => {
    const spanish = 'Según nuestros registros, el saldo está pendiente. Puede pagar en línea cuando quiera. También puede hablar con una persona. Responda cuando esté listo.';
    const parts = splitSms(spanish);
    expect(smsEncoding(spanish)).toBe('UCS-2');
    expect(parts.length).toBeGreaterThan(2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(70);
    expect(parts[0]).toMatch(/^\(1\/\d\) Según nuestros registros, el saldo está pendiente\.$/);
  });

  it('never breaks a link, even at a part boundary', () => {
    const link = 'https://chat.example.test/notices/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ';
    const text = `${'Your validation notice is ready for you to save or print whenever you like. '.repeat(2)}Here it is: ${link} and it stays there.`;
    const parts = splitSms(text);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.filter((p) => p.includes(link))).toHaveLength(1);
    for (const part of parts) expect(smsLength(part)).toBeLessThanOrEqual(160);
  });

  it('a link longer than a part goes whole, alone in its part', () => {
    const link = `https://chat.example.test/notices/${'a'.repeat(200)}`;
    const parts = splitSms(`Here is your link. ${link} Thank you.`);
    expect(parts.some((p) => p.endsWith(link) && p.startsWith('(2/'))).toBe(true);
  });

  it('breaks a sentence longer than a part between words, never inside one', () => {
    const words = Array.from({ length: 60 }, (_, i) => `word${i}`).join(' ');
    const parts = splitSms(`${words}.`);
    expect(parts.length).toBeGreaterThan(1);
    const rejoined = parts.map((p) => p.replace(/^\(\d+\/\d+\) /, '')).join(' ');
    expect(rejoined).toBe(`${words}.`);
  });

  it('a sentence boundary needs a new sentence after it: "… birth? (for example …)" stays together', () => {
    const text = `${'Before I can discuss any account, I need to confirm who you are. '.repeat(2)}What is your date of birth? (for example, April 12 1985)`;
    const parts = splitSms(text);
    expect(parts.at(-1)).toMatch(/What is your date of birth\? \(for example, April 12 1985\)$/);
  });

  it('line breaks are boundaries too: paragraphs stay on their own lines', () => {
    const parts = splitSms(`First paragraph here.\n\n${sentence(1)} ${sentence(2)} ${sentence(3)}`);
    expect(parts[0]).toMatch(/^\(1\/\d\) First paragraph here\.\n?/);
  });

  it('DESIGN 2: a footer goes on every part, and parts still fit one segment', () => {
    const footer = 'Summit Recovery Services is a debt collector. Reply STOP to opt out.';
    const parts = splitSms(long, { footer });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.endsWith(`\n${footer}`)).toBe(true);
      expect(smsLength(part)).toBeLessThanOrEqual(160);
    }
    expect(splitSms('Your payment was received.', { footer })).toEqual([`Your payment was received.\n${footer}`]);
  });

  it('with a footer and UCS-2 text, parts grow to two segments rather than leave no room', () => {
    const footer = 'Summit Recovery Services es un cobrador de deudas. Responda STOP para darse de baja.';
    const parts = splitSms('Recibimos su pago. Gracias por su atención; aquí estamos para lo que necesite. Que tenga un buen día.', { footer });
    for (const part of parts) {
      expect(part.endsWith(footer)).toBe(true);
      expect(part.length).toBeLessThanOrEqual(134);
    }
  });

  it('renumbers with wider prefixes past 9 parts', () => {
    const parts = splitSms(Array.from({ length: 40 }, (_, i) => sentence(i + 1)).join(' '));
    expect(parts.length).toBeGreaterThanOrEqual(10);
    expect(parts[9]).toMatch(new RegExp(`^\\(10/${parts.length}\\) `));
    for (const part of parts) expect(smsLength(part)).toBeLessThanOrEqual(160);
  });
});

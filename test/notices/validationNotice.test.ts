import { describe, expect, it } from 'vitest';
import { validationPeriodEnd } from '../../src/domain/validationPeriod.ts';
import { noticeTextEn } from '../../src/notices/noticeText.en.ts';
import { noticeTextEs } from '../../src/notices/noticeText.es.ts';
import {
  CFPB_DEBT_COLLECTION_URL,
  escapeHtml,
  NoticeDataError,
  renderInvalidLinkPage,
  renderValidationNotice,
  type NoticeText,
  type ValidationNoticeInput,
} from '../../src/notices/validationNotice.ts';

const NOTICE_DATE = new Date('2021-11-08T16:00:00Z');

function input(overrides: Partial<ValidationNoticeInput['account']> = {}, collector: Partial<ValidationNoticeInput['collector']> = {}): ValidationNoticeInput {
  return {
    collector: {
      name: 'Summit Recovery Services',
      address: '100 Main Street, Suite 200, Atlanta, GA 30301',
      phone: '+1 (800) 555-0100',
      hours: 'Monday to Friday, 8am to 8pm Eastern',
      ...collector,
    },
    account: {
      firstName: 'Maria',
      lastName: 'Johnson',
      address: '12 Oak Street, Atlanta, GA 30301',
      accountNumber: 'A-1001',
      creditorName: 'Peachtree Medical Group',
      originalCreditor: 'Horizon Bank Visa',
      itemizationDate: new Date('2025-06-30T00:00:00.000Z'),
      itemizationAmount: 125_000,
      interestSinceItemization: 1_050,
      feesSinceItemization: 3_500,
      paymentsSinceItemization: 20_000,
      creditsSinceItemization: 525,
      balance: 109_025,
      currency: 'USD',
      ...overrides,
    },
    validationPeriodEndsAt: validationPeriodEnd(NOTICE_DATE), // December 16, 2021
    noticeDate: NOTICE_DATE,
  };
}

/** The text a reader sees: tags dropped (inline ones without a gap), entities decoded, spaces collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<title>[\s\S]*?<\/title>/g, '')
    .replace(/<\/?(?:strong|span|a)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** The Spanish notice alone (the Spanish page also carries the English notice after it). */
function spanishPart(html: string): string {
  const at = html.indexOf('class="translation"');
  expect(at).toBeGreaterThan(0);
  return html.slice(0, at);
}

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('DESIGN 3: validation notice in English follows Model Form B-1 (Reg F 1006.34(c))', () => {
  const html = renderValidationNotice(input(), 'en');
  const text = textOf(html);

  it('names the collector (name, mailing address, phone) and the consumer (name, mailing address)', () => {
    expect(text).toContain('Summit Recovery Services');
    expect(text).toContain('100 Main Street, Suite 200, Atlanta, GA 30301');
    expect(text).toContain('+1 (800) 555-0100');
    expect(text).toContain('Maria Johnson');
    expect(text).toContain('12 Oak Street, Atlanta, GA 30301');
  });

  it('has the debt collector disclosure with the current creditor', () => {
    expect(text).toContain(
      'Summit Recovery Services is a debt collector. We are trying to collect a debt that you owe to Peachtree Medical Group. We will use any information you give us to help collect the debt.',
    );
  });

  it('shows the creditors and a truncated account number, never the full one', () => {
    expect(text).toContain('Our information shows:');
    expect(text).toContain('Current creditor Peachtree Medical Group');
    expect(text).toContain('Original creditor');
    expect(text).toContain('Horizon Bank Visa');
    expect(text).toContain('Account number ••1001');
    expect(text).not.toContain('A-1001');
  });

  it('itemizes the debt since the itemization date, with every amount and the total', () => {
    expect(text).toContain('As of June 30, 2025, you owed: $1,250.00');
    expect(text).toContain('Between June 30, 2025 and today:');
    expect(text).toContain('You were charged this amount in interest: + plus $10.50');
    expect(text).toContain('You were charged this amount in fees: + plus $35.00');
    expect(text).toContain('You paid or were credited this amount toward the debt: (payments $200.00, credits $5.25) − minus $205.25');
    expect(text).toContain('Total amount of the debt now: $1,090.25');
  });

  it('gives the validation period end date in the three places of the form', () => {
    expect(count(text, 'December 16, 2021')).toBe(3);
    expect(text).toContain('How can you dispute the debt?');
    expect(text).toContain(
      'Call or write to us by December 16, 2021, to dispute all or part of the debt. If you do not, we will assume that our information is correct.',
    );
    expect(text).toContain(
      'If you write to us by December 16, 2021, we must stop collection on any amount you dispute until we send you information that shows you owe the debt.',
    );
    expect(text).toContain('What else can you do?');
    expect(text).toContain(
      'Write to ask for the name and address of the original creditor, if different from the current creditor. If you write by December 16, 2021, we must stop collection until we send you that information.',
    );
  });

  it('points to the CFPB website and to payment options', () => {
    expect(text).toContain(`Go to ${CFPB_DEBT_COLLECTION_URL} to learn more about your rights under federal law.`);
    expect(html).toContain('href="https://www.cfpb.gov/debt-collection"');
    expect(text).toContain('Contact us about your payment options.');
  });

  it('has the "How do you want to respond?" form, and says the debtor can do it all in the chat', () => {
    expect(text).toContain('How do you want to respond?');
    expect(text).toContain('Mail this form to: Summit Recovery Services 100 Main Street, Suite 200, Atlanta, GA 30301');
    expect(text).toContain('I want to dispute the debt because I think:');
    expect(text).toContain('☐ This is not my debt.');
    expect(text).toContain('☐ The amount is wrong.');
    expect(text).toContain('☐ Other (please describe on reverse or attach additional information).');
    expect(text).toContain('☐ I want you to send me the name and address of the original creditor.');
    expect(text).toContain('☐ I enclosed this amount: $');
    expect(text).toContain('Make your check payable to Summit Recovery Services. Include the reference number ••1001.');
    expect(text).toContain('You can do any of this right in the chat');
    expect(html).toContain('<span lang="es">Póngase en contacto con nosotros para solicitar una copia de este formulario en español.</span>');
  });

  it('is a complete, accessible, self-contained page: lang, title, headings, a table, no scripts or external resources', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<title>Validation notice from Summit Recovery Services</title>');
    expect(count(html, '<h1')).toBe(1);
    expect(html).toMatch(/<h2 id="en-dispute">/);
    expect(html).toContain('<table class="itemization">');
    expect(html).toContain('<caption>');
    expect(html).toContain('<th scope="row">');
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<form|\ssrc=|@import|url\(|\son[a-z]+=/i);
    // The only link leads to the CFPB and sends no Referer.
    expect(html.match(/href="[^"]*"/g)).toEqual(['href="https://www.cfpb.gov/debt-collection"']);
    expect(html).toContain('rel="noreferrer noopener"');
  });

  it('formats money in minor units for other currencies too (JPY has none)', () => {
    const yen = textOf(
      renderValidationNotice(
        input({ currency: 'JPY', itemizationAmount: 100_000, interestSinceItemization: 0, feesSinceItemization: 0, paymentsSinceItemization: 0, creditsSinceItemization: 0, balance: 100_000 }),
        'en',
      ),
    );
    expect(yen).toContain('Total amount of the debt now: ¥100,000');
  });
});

describe('DESIGN 3: validation notice in Spanish (complete translation, with the English notice on the same page)', () => {
  const html = renderValidationNotice(input(), 'es');
  const spanish = textOf(spanishPart(html));

  it('is a Spanish page that also carries the English notice (1006.34(d)(3)(vi))', () => {
    expect(html.startsWith('<!doctype html>\n<html lang="es">')).toBe(true);
    expect(html).toContain('<title>Aviso de validación de Summit Recovery Services</title>');
    expect(html).toContain('<article class="notice" lang="es"');
    expect(html).toContain('<article class="notice" lang="en"');
    expect(textOf(html)).toContain('English version (versión en inglés)');
    expect(textOf(html)).toContain('Call or write to us by December 16, 2021');
  });

  it('has every Model Form B-1 element in Spanish', () => {
    expect(spanish).toContain('Aviso de validación');
    expect(spanish).toContain('Summit Recovery Services');
    expect(spanish).toContain('100 Main Street, Suite 200, Atlanta, GA 30301');
    expect(spanish).toContain('Maria Johnson');
    expect(spanish).toContain('12 Oak Street, Atlanta, GA 30301');
    expect(spanish).toContain(
      'Summit Recovery Services es un cobrador de deudas. Estamos tratando de cobrar una deuda que usted le debe a Peachtree Medical Group. Usaremos cualquier información que usted nos dé para ayudar a cobrar la deuda.',
    );
    expect(spanish).toContain('Nuestra información indica:');
    expect(spanish).toContain('Acreedor actual Peachtree Medical Group');
    expect(spanish).toContain('Acreedor original Horizon Bank Visa');
    expect(spanish).toContain('Número de cuenta ••1001');
    expect(spanish).not.toContain('A-1001');
    expect(spanish).toContain('Al 30 de junio de 2025, usted debía: $1,250.00');
    expect(spanish).toContain('Entre el 30 de junio de 2025 y hoy:');
    expect(spanish).toContain('Se le cobró esta cantidad en intereses: + más $10.50');
    expect(spanish).toContain('Se le cobró esta cantidad en cargos: + más $35.00');
    expect(spanish).toContain('Usted pagó o se le acreditó esta cantidad a la deuda: (pagos $200.00, créditos $5.25) − menos $205.25');
    expect(spanish).toContain('Cantidad total de la deuda ahora: $1,090.25');
    expect(spanish).toContain('¿Cómo puede disputar la deuda?');
    expect(spanish).toContain(
      'Llámenos o escríbanos a más tardar el 16 de diciembre de 2021 para disputar toda la deuda o parte de ella. Si no lo hace, asumiremos que nuestra información es correcta.',
    );
    expect(spanish).toContain('Si nos escribe a más tardar el 16 de diciembre de 2021, debemos suspender el cobro de cualquier cantidad que usted dispute');
    expect(spanish).toContain('¿Qué más puede hacer?');
    expect(spanish).toContain('Escríbanos para pedir el nombre y la dirección del acreedor original');
    expect(count(spanish, '16 de diciembre de 2021')).toBe(3);
    expect(spanish).toContain(`Visite ${CFPB_DEBT_COLLECTION_URL} para obtener más información sobre sus derechos según la ley federal.`);
    expect(spanish).toContain('Comuníquese con nosotros para informarse sobre sus opciones de pago.');
    expect(spanish).toContain('¿Cómo desea responder?');
    expect(spanish).toContain('☐ Esta deuda no es mía.');
    expect(spanish).toContain('☐ La cantidad es incorrecta.');
    expect(spanish).toContain('☐ Otro motivo');
    expect(spanish).toContain('☐ Quiero que me envíen el nombre y la dirección del acreedor original.');
    expect(spanish).toContain('☐ Adjunto esta cantidad: $');
    expect(spanish).toContain('Puede hacer todo esto directamente en el chat');
  });
});

describe('DESIGN 3: every interpolated value is HTML-escaped', () => {
  const hostile = input(
    {
      firstName: '<script>alert(1)</script>',
      lastName: '"><img src=x onerror=alert(2)>',
      address: "1 <b>Bold</b> St & 'Co'\nApt 2",
      creditorName: 'Smith & <Sons>',
      originalCreditor: '</td></tr></table><script>alert(3)</script>',
      accountNumber: '<i>1234</i>',
    },
    { name: 'Acme & "Partners" <Collections>', address: '<svg onload=alert(4)>', phone: '<script>', hours: '9 & 5' },
  );

  for (const language of ['en', 'es'] as const) {
    it(`escapes names, addresses, creditors and collector details (${language})`, () => {
      const html = renderValidationNotice(hostile, language);
      expect(html).not.toMatch(/<script|<img|<svg|<b>|<i>|<Sons>|<Collections>/i);
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&quot;&gt;&lt;img src=x onerror=alert(2)&gt;');
      expect(html).toContain('1 &lt;b&gt;Bold&lt;/b&gt; St &amp; &#39;Co&#39;<br>Apt 2');
      expect(html).toContain('Smith &amp; &lt;Sons&gt;');
      expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;script&gt;alert(3)&lt;/script&gt;');
      expect(html).toContain('Acme &amp; &quot;Partners&quot; &lt;Collections&gt;');
      expect(html).toContain('&lt;svg onload=alert(4)&gt;');
      // The reader still sees the values as typed.
      expect(textOf(html)).toContain('<script>alert(1)</script> "><img src=x onerror=alert(2)>');
    });
  }

  it('escapeHtml escapes the five special characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('DESIGN 3: the itemization adds up', () => {
  /** Cents from "$1,090.25". */
  const cents = (money: string) => Number(money.replace(/[^0-9]/g, ''));

  it('itemization + interest + fees − payments − credits = current amount, as shown on the page', () => {
    const html = renderValidationNotice(input(), 'en');
    const amounts = [...html.matchAll(/<td class="amount">(?:<span aria-hidden="true">([+−])&nbsp;<\/span><span class="visually-hidden">[^<]*<\/span>)?([^<]+)<\/td>/g)].map(
      (m) => (m[1] === '−' ? -1 : 1) * cents(m[2] ?? ''),
    );
    expect(amounts).toEqual([125_000, 1_050, 3_500, -20_525, 109_025]);
    const total = amounts.pop();
    expect(amounts.reduce((sum, a) => sum + a, 0)).toBe(total);
  });

  it('refuses to render figures that do not add up, or negative amounts', () => {
    expect(() => renderValidationNotice(input({ balance: 109_026 }), 'en')).toThrow(NoticeDataError);
    expect(() => renderValidationNotice(input({ feesSinceItemization: -3_500, balance: 102_025 }), 'es')).toThrow(NoticeDataError);
    expect(() => renderValidationNotice(input({ interestSinceItemization: 10.5, balance: 109_025 - 1_050 + 10.5 }), 'en')).toThrow(NoticeDataError);
  });
});

describe('DESIGN 3: the notice text catalogues', () => {
  const catalogues: Array<[string, NoticeText]> = [
    ['en', noticeTextEn],
    ['es', noticeTextEs],
  ];

  it('define the same entries in both languages', () => {
    expect(Object.keys(noticeTextEs).sort()).toEqual(Object.keys(noticeTextEn).sort());
  });

  for (const [language, text] of catalogues) {
    it(`hold plain text only, so nothing in them can become markup (${language})`, () => {
      for (const [key, value] of Object.entries(text)) {
        const literal =
          typeof value === 'function'
            ? (value as (...args: string[]) => string)('X', 'Y')
            : typeof value === 'object' && value !== null
              ? Object.values(value).join(' ')
              : String(value ?? '');
        expect(literal, key).not.toMatch(/[<>&]/);
      }
    });
  }

  it('the invalid-link page says the link is not valid and how to get a new one, in both languages, and nothing else', () => {
    const html = renderInvalidLinkPage();
    const text = textOf(html);
    expect(html.startsWith('<!doctype html>\n<html lang="en">')).toBe(true);
    expect(text).toContain('This notice link is not valid.');
    expect(text).toContain('go back to the chat and ask for your validation notice');
    expect(text).toContain('Este enlace al aviso no es válido.');
    expect(text).not.toMatch(/debt collector|cobrador|\$/);
    expect(html).not.toMatch(/<script|\ssrc=|href=/);
  });
});

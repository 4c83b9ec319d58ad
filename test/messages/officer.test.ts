import { describe, expect, it } from 'vitest';
import { OFFICER_CATALOGUES, officerMessagesFor, type OfficerCatalogue } from '../../src/messages/officer.ts';

const RECAP = 'Here are the terms of your payment plan. Please read them before you agree:\n• $90.42 on December 1, 2026';

/** Every sentence a catalogue can produce, with sample facts. */
function everything(text: OfficerCatalogue): string[] {
  const out = [text.officerJoined('Dana'), text.handedBack(), text.resolved(), text.proposalRejected(), text.pendingOffer(), text.offerDeclined(), text.offerWithdrawn()];
  for (const rightsOpen of [false, true]) {
    out.push(text.proposalApproved({ recap: RECAP, rightsOpen }), text.proposalCountered({ recap: RECAP, rightsOpen }), text.termsOffered({ recap: RECAP, rightsOpen }));
  }
  return out;
}

describe('officer messages (en, es)', () => {
  it.each(Object.entries(OFFICER_CATALOGUES))('DESIGN 9 + 10: no deadline, "today", expiry, pressure or fee (%s)', (_lang, text) => {
    for (const sentence of everything(text)) {
      expect(sentence).not.toMatch(/\btoday\b|expir|deadline|last chance|act now|\burgent|right away|immediately|\bhoy\b|\bvence\b|caduc|plazo|urgente|inmediat|última oportunidad/i);
      expect(sentence).not.toMatch(/\bfees?\b|surcharge|convenience|cargo por servicio|comisi[oó]n|recargo|tarifa/i);
      expect(sentence).not.toMatch(/\bsue\b|lawsuit|legal action|garnish|demanda|embargo/i);
      expect(sentence).not.toMatch(/undefined|null|\$\{|NaN/);
    }
  });

  it.each(Object.entries(OFFICER_CATALOGUES))('DESIGN 1: joining, handing back and closing say nothing about a debt — the debtor may not be verified (%s)', (_lang, text) => {
    for (const sentence of [text.officerJoined('Dana'), text.handedBack(), text.resolved()]) {
      expect(sentence).not.toMatch(/debt|deuda|collect|cobr|balance|saldo|account|cuenta|creditor|acreedor|pay|pag|\$/i);
    }
    expect(text.officerJoined('Dana')).toMatch(/^Dana\b/);
    expect(text.handedBack()).toMatch(/"agent"|"agente"/);
  });

  it.each(Object.entries(OFFICER_CATALOGUES))('an offer carries the recap word for word and says how to answer (%s)', (_lang, text) => {
    for (const offer of [text.proposalApproved({ recap: RECAP, rightsOpen: false }), text.proposalCountered({ recap: RECAP, rightsOpen: false }), text.termsOffered({ recap: RECAP, rightsOpen: false })]) {
      expect(offer).toContain(RECAP);
      expect(offer).toMatch(/Reply YES .* or NO|Responda SÍ .* o NO/);
    }
    expect(text.proposalApproved({ recap: RECAP, rightsOpen: true })).toMatch(/right to dispute|derecho a disputar/);
    expect(text.proposalApproved({ recap: RECAP, rightsOpen: false })).not.toMatch(/right to dispute|derecho a disputar/);
  });

  it('unknown languages fall back to English', () => {
    expect(officerMessagesFor('fr')).toBe(OFFICER_CATALOGUES.en);
    expect(officerMessagesFor(null)).toBe(OFFICER_CATALOGUES.en);
    expect(officerMessagesFor('es').officerJoined('Dana')).toBe('Dana, de nuestro equipo, se ha unido a esta conversación y le responderá aquí.');
  });
});

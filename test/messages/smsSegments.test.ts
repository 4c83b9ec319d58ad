/**
 * Issue #16 item 3: every catalogue text's SMS segment count is printed (as the text goes: its SMS
 * version where it has one, GSM-7 look-alikes, the footer on bot-initiated texts and receipts), and
 * a reply may take two segments at most. The only exceptions are named with the rule that makes
 * them longer; a text that grows past two segments fails the test, and so does an exception that
 * fits again (it must leave the list).
 */
import { describe, expect, it } from 'vitest';
import { smsRows } from './smsSegmentsTable.ts';

const MAX_SEGMENTS = 2;

/** Longer by law: the whole text is what the rule requires, whatever the length. */
const JUSTIFIED: Record<string, string> = {
  'en:negotiation.recap': 'Reg E 1005.10(b), DESIGN 11: every term a yes authorizes, shown in full',
  'es:negotiation.recap': 'Reg E 1005.10(b), DESIGN 11: every term a yes authorizes, shown in full',
  'en:officer.proposalApproved': 'holds the recap a yes authorizes (DESIGN 11)',
  'es:officer.proposalApproved': 'holds the recap a yes authorizes (DESIGN 11)',
  'en:officer.proposalCountered': 'holds the recap a yes authorizes (DESIGN 11)',
  'es:officer.proposalCountered': 'holds the recap a yes authorizes (DESIGN 11)',
  'en:officer.termsOffered': 'holds the recap a yes authorizes (DESIGN 11)',
  'es:officer.termsOffered': 'holds the recap a yes authorizes (DESIGN 11)',
  'es:main.crisis': 'DESIGN 8: the 988 line and 911 in full words, never trimmed',
  'es:main.crisisAgain[1]': 'DESIGN 8: the crisis answer in other words, 988 and 911 in full, never trimmed',
  'es:main.crisisAgain[2]': 'DESIGN 8: the crisis answer in other words, 988 and 911 in full, never trimmed',
  'es:main.disclosure': '12 CFR 1006.18(e), DESIGN 2: the debt-collector disclosure in the catalogue\'s own words',
};

describe('SMS segments of every catalogue text (issue #16 item 3)', () => {
  const rows = smsRows();
  const key = (r: { language: string; name: string }) => `${r.language}:${r.name}`;

  it('prints the segment count of every text as sent by SMS', () => {
    const lines = rows.map((r) => `${String(r.segments).padStart(2)} ${r.encoding.padEnd(5)} ${key(r)}${r.botInitiated ? ' (footer)' : ''}`);
    console.log(`SMS segments per catalogue text (${rows.length} texts):\n${lines.join('\n')}`);
    expect(rows.length).toBeGreaterThan(200);
  });

  it('a reply takes at most two segments, except the named exceptions', () => {
    const over = rows.filter((r) => r.segments > MAX_SEGMENTS).map(key);
    console.log(`over ${MAX_SEGMENTS} segments: ${over.length} of ${rows.length}, all named: ${over.join(', ')}`);
    expect(over.filter((k) => !(k in JUSTIFIED))).toEqual([]);
  });

  it('a named exception is still longer than two segments (one that fits leaves the list)', () => {
    const over = new Set(rows.filter((r) => r.segments > MAX_SEGMENTS).map(key));
    expect(Object.keys(JUSTIFIED).filter((k) => !over.has(k))).toEqual([]);
  });

  it('every Spanish SMS version is GSM-7 (no á, í, ó, ú): 153 characters a segment, not 67', () => {
    const short = rows.filter((r) => r.language === 'es' && r.short);
    expect(short.length).toBeGreaterThan(50);
    expect(short.filter((r) => r.encoding !== 'GSM-7').map((r) => `${key(r)}: ${r.text}`)).toEqual([]);
  });
});

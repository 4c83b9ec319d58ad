import { describe, expect, it } from 'vitest';
import { agingChart, collectedChart, escalationsChart, escapeXml, NO_DATA_TEXT } from '../../src/officer/reportCharts.ts';
import { emptyReport, sampleReport } from './reportFixture.ts';

/**
 * A small well-formedness check: tags balance and nest, attribute values are quoted, text holds no
 * raw "<" and every "&" starts an entity. Returns the element names in document order.
 */
function checkWellFormed(svg: string): string[] {
  const names: string[] = [];
  const open: string[] = [];
  const token = /<(\/?)([A-Za-z][\w:-]*)((?:\s+[\w:-]+="[^"<]*")*)\s*(\/?)>|([^<]+)|(<)/g;
  for (const match of svg.matchAll(token)) {
    const [, closing, name, , selfClosing, content, stray] = match;
    if (stray) throw new Error(`stray "<" at ${match.index}: ${svg.slice(match.index, match.index + 40)}`);
    if (content !== undefined) {
      if (/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(content)) throw new Error(`bare "&" in ${content}`);
      if (open.length === 0) throw new Error(`text outside the root element: ${content}`);
      continue;
    }
    if (closing) {
      if (open.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else {
      if (names.length > 0 && open.length === 0) throw new Error('more than one root element');
      names.push(name!);
      if (!selfClosing) open.push(name!);
    }
  }
  if (open.length > 0) throw new Error(`unclosed: ${open.join(', ')}`);
  return names;
}

const charts = { escalationsChart, agingChart, collectedChart };

describe.each(Object.entries(charts))('%s', (_name, chart) => {
  it('is a standalone, well-formed SVG document with a title and no script', () => {
    const svg = chart(sampleReport());
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.endsWith('</svg>')).toBe(true);
    const names = checkWellFormed(svg);
    expect(names[0]).toBe('svg');
    expect(names[1]).toBe('title');
    expect(names).not.toContain('script');
    expect(names).not.toContain('foreignObject');
    expect(svg).not.toMatch(/\son\w+=/i);
    expect(svg).toMatch(/width="640"/);
    expect(svg).not.toContain(NO_DATA_TEXT);
    expect(svg).not.toContain('NaN');
  });

  it(`says "${NO_DATA_TEXT}" when there is nothing to draw`, () => {
    const svg = chart(emptyReport());
    checkWellFormed(svg);
    expect(svg).toContain(NO_DATA_TEXT);
    expect(svg).not.toContain('<rect x=');
    expect(svg).not.toContain('NaN');
  });
});

describe('escalationsChart', () => {
  it('escapes every label: a reason cannot inject markup', () => {
    const svg = escalationsChart(sampleReport());
    expect(svg).not.toContain('<script');
    expect(svg).toContain('&lt;script&gt;alert(&quot;x&quot;)');
    checkWellFormed(svg);
  });

  it('draws one bar per reason, labelled in words, with its count in the bar title (issue #15)', () => {
    const svg = escalationsChart(sampleReport());
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg).toContain('<title>Debtor asked for a person: 2 handoffs</title>');
    expect(svg).toContain('>Debtor asked for a person</text>');
    expect(svg).not.toMatch(/>asked<\/text>/);
  });
});

describe('agingChart', () => {
  it('draws the five buckets for each currency, amounts formatted per currency', () => {
    const svg = agingChart(sampleReport());
    expect(svg.match(/<rect x=/g)).toHaveLength(10);
    expect(svg).toContain('<title>0-30 days: 1 account, $1,090.25</title>');
    expect(svg).toContain('<title>180+ days: 1 account, ¥5,000</title>');
    expect(svg).toContain('<title>31-60 days: 0 accounts, $0.00</title>');
    expect(svg).toContain('Days since itemization');
  });
});

describe('collectedChart', () => {
  it('draws one bar per day, days without payments included', () => {
    const svg = collectedChart(sampleReport());
    expect(svg.match(/<rect x=/g)).toHaveLength(3);
    expect(svg).toContain('<title>November 1, 2026: $125.50</title>');
    expect(svg).toContain('<title>November 2, 2026: $0.00</title>');
    expect(svg).toContain('>Nov 1</text>');
  });

  it('keeps the last date label inside the picture (issue #15: it was cut off)', () => {
    const start = Date.parse('2026-11-07T00:00:00Z');
    const days = Array.from({ length: 31 }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), amount: 1000 }));
    const svg = collectedChart(sampleReport({ collected: { byCurrency: [{ currency: 'USD', amount: 31000 }], daily: [{ currency: 'USD', days }] } }));
    const labels = [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+"(?: text-anchor="(\w+)")? font-size="10"[^>]*>([A-Z][a-z]{2} \d{1,2})<\/text>/g)];
    expect(labels.map((m) => m[3])).toContain('Dec 7');
    for (const [, x, anchor, label] of labels) {
      const width = label!.length * 6;
      const right = anchor === 'end' ? Number(x) : anchor === 'middle' ? Number(x) + width / 2 : Number(x) + width;
      expect(right, label).toBeLessThanOrEqual(640);
    }
  });

  it('keeps a long period readable: labels thinned, every bar still titled', () => {
    const start = Date.parse('2026-01-01T00:00:00Z');
    const days = Array.from({ length: 365 }, (_, i) => ({ date: new Date(start + i * 86_400_000).toISOString().slice(0, 10), amount: i * 100 }));
    const svg = collectedChart(sampleReport({ collected: { byCurrency: [{ currency: 'USD', amount: 1 }], daily: [{ currency: 'USD', days }] } }));
    checkWellFormed(svg);
    expect(svg.match(/<rect x=/g)).toHaveLength(365);
    expect(svg.match(/>[A-Z][a-z]{2} \d{1,2}<\/text>/g)!.length).toBeLessThanOrEqual(7);
  });
});

describe('escapeXml', () => {
  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt;');
    expect(escapeXml('bell\u0007 and\ttab\nnewline')).toBe('bell and\ttab\nnewline');
    expect(escapeXml('lone \uD800 surrogate, pair 😀')).toBe('lone  surrogate, pair 😀');
  });
});

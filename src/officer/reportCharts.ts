/**
 * Server-rendered SVG bar charts of the portfolio report. Each function returns a standalone SVG
 * document (serve it as image/svg+xml, or inline it): no scripts, no external references, every
 * piece of text XML-escaped, a <title> for the chart and for every bar (screen readers, tooltips).
 * Amounts in different currencies never share an axis: one panel per currency.
 */
import { AGING_BUCKETS } from '../domain/aging.ts';
import { formatMoney } from '../domain/money.ts';
import { labelOf, REASON_LABELS } from './labels.ts';
import type { PortfolioReport } from './reports.ts';

export const NO_DATA_TEXT = 'No data in this period';

const WIDTH = 640;
const MARGIN = { left: 84, right: 16 };
const TITLE_HEIGHT = 36;
const PANEL_HEIGHT = 220;
const PLOT_TOP = 28; // inside a panel: room for the panel's subtitle
const PLOT_BOTTOM = 40; // inside a panel: room for the x labels and the axis label
const BAR_COLOR = '#2f6db5';
const TEXT_COLOR = '#1f2933';
const AXIS_COLOR = '#7b8794';

interface Bar {
  label: string;
  value: number;
  /** The bar's <title>: its full label and value. */
  tooltip: string;
}

interface Panel {
  subtitle: string;
  bars: Bar[];
  formatValue(value: number): string;
  xAxisLabel: string;
  /** Show the label of every n-th bar only (dense daily series). */
  labelEvery?: number;
  /** Print each bar's value above it. */
  showValues?: boolean;
}

/** Handoffs in the period by reason, most frequent first (horizontal bars: reasons are words). */
export function escalationsChart(report: PortfolioReport): string {
  const id = 'escalations-chart';
  const title = 'Escalations by reason';
  const rows = report.escalations.byReason;
  if (rows.length === 0) return emptyChart(id, title);
  const rowHeight = 24;
  const labelWidth = 210;
  const plotLeft = labelWidth + 12;
  const plotWidth = WIDTH - plotLeft - 56;
  const top = TITLE_HEIGHT + 8;
  const height = top + rows.length * rowHeight + 44;
  const max = Math.max(...rows.map((r) => r.count));
  const ticks = niceTicks(max);
  const scale = plotWidth / ticks[ticks.length - 1]!;
  const plotBottom = top + rows.length * rowHeight;

  const parts: string[] = [];
  for (const tick of ticks) {
    const x = plotLeft + tick * scale;
    parts.push(`<line x1="${x}" y1="${top}" x2="${x}" y2="${plotBottom}" stroke="#e4e7eb"/>`);
    parts.push(text(x, plotBottom + 16, String(tick), { anchor: 'middle', size: 11 }));
  }
  rows.forEach((row, i) => {
    const y = top + i * rowHeight;
    const width = row.count * scale;
    const reason = labelOf(REASON_LABELS, row.reason);
    parts.push(text(labelWidth, y + 16, truncate(reason, 30), { anchor: 'end' }));
    parts.push(
      `<rect x="${plotLeft}" y="${y + 4}" width="${round(width)}" height="${rowHeight - 8}" fill="${BAR_COLOR}">` +
        `<title>${escapeXml(`${reason}: ${row.count} ${row.count === 1 ? 'handoff' : 'handoffs'}`)}</title></rect>`,
    );
    parts.push(text(plotLeft + width + 6, y + 16, String(row.count), { size: 11 }));
  });
  parts.push(axisLine(plotLeft, top, plotLeft, plotBottom));
  parts.push(text(plotLeft + plotWidth / 2, height - 8, 'Handoffs opened', { anchor: 'middle', size: 11 }));
  return svgDocument(id, title, `${report.escalations.total} handoffs opened in the period, by reason.`, height, parts.join(''));
}

/** Balance owed by age bucket as of the report time, one panel per currency. */
export function agingChart(report: PortfolioReport): string {
  const id = 'aging-chart';
  const title = 'A/R aging: balance owed by days since itemization';
  const currencies = [...new Set(report.aging.buckets.flatMap((b) => b.byCurrency.map((c) => c.currency)))].sort();
  if (currencies.length === 0) return emptyChart(id, title);
  const panels = currencies.map((currency): Panel => ({
    subtitle: `Balance owed (${currency})`,
    xAxisLabel: 'Days since itemization',
    formatValue: (minor) => money(minor, currency),
    showValues: true,
    bars: AGING_BUCKETS.map((bucket) => {
      const total = report.aging.buckets.find((b) => b.bucket === bucket)?.byCurrency.find((c) => c.currency === currency);
      const count = total?.count ?? 0;
      const balance = total?.balance ?? 0;
      return { label: bucket, value: balance, tooltip: `${bucket} days: ${count} ${count === 1 ? 'account' : 'accounts'}, ${money(balance, currency)}` };
    }),
  }));
  return panelChart(id, title, 'Balance owed by age bucket (0-30, 31-60, 61-90, 91-180, 180+ days), per currency.', panels);
}

/** Successful payments per UTC day of the period, one panel per currency. */
export function collectedChart(report: PortfolioReport): string {
  const id = 'collected-chart';
  const title = 'Amount collected per day';
  const series = report.collected.daily.filter((s) => s.days.some((d) => d.amount !== 0));
  if (series.length === 0) return emptyChart(id, title);
  const panels = series.map((s): Panel => ({
    subtitle: `Collected (${s.currency})`,
    xAxisLabel: 'Day (UTC)',
    formatValue: (minor) => money(minor, s.currency),
    labelEvery: Math.max(1, Math.ceil(s.days.length / 6)),
    bars: s.days.map((d) => ({ label: shortDate(d.date), value: d.amount, tooltip: `${longDate(d.date)}: ${money(d.amount, s.currency)}` })),
  }));
  return panelChart(id, title, 'Successful payments received per day of the period, per currency.', panels);
}

function panelChart(id: string, title: string, description: string, panels: Panel[]): string {
  const height = TITLE_HEIGHT + panels.length * PANEL_HEIGHT;
  const body = panels.map((panel, i) => verticalBars(panel, TITLE_HEIGHT + i * PANEL_HEIGHT)).join('');
  return svgDocument(id, title, description, height, body);
}

function verticalBars(panel: Panel, top: number): string {
  const plotTop = top + PLOT_TOP;
  const plotBottom = top + PANEL_HEIGHT - PLOT_BOTTOM;
  const plotLeft = MARGIN.left;
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const ticks = niceTicks(Math.max(0, ...panel.bars.map((b) => b.value)));
  const scale = (plotBottom - plotTop) / ticks[ticks.length - 1]!;
  const slot = plotWidth / Math.max(1, panel.bars.length);
  const barWidth = Math.max(1, slot * 0.7);
  const every = panel.labelEvery ?? 1;

  const parts: string[] = [text(plotLeft, top + 16, panel.subtitle, { weight: 'bold' })];
  for (const tick of ticks) {
    const y = round(plotBottom - tick * scale);
    parts.push(`<line x1="${plotLeft}" y1="${y}" x2="${plotLeft + plotWidth}" y2="${y}" stroke="#e4e7eb"/>`);
    parts.push(text(plotLeft - 6, y + 4, panel.formatValue(tick), { anchor: 'end', size: 10 }));
  }
  panel.bars.forEach((bar, i) => {
    const x = plotLeft + i * slot + (slot - barWidth) / 2;
    const h = Math.max(0, bar.value) * scale;
    parts.push(
      `<rect x="${round(x)}" y="${round(plotBottom - h)}" width="${round(barWidth)}" height="${round(h)}" fill="${BAR_COLOR}">` +
        `<title>${escapeXml(bar.tooltip)}</title></rect>`,
    );
    if (panel.showValues && bar.value !== 0) {
      parts.push(text(x + barWidth / 2, plotBottom - h - 4, panel.formatValue(bar.value), { anchor: 'middle', size: 10 }));
    }
    if (i % every === 0) {
      // A label that would run past the right edge is right-aligned to it instead of being cut off.
      const centre = x + barWidth / 2;
      const overflows = centre + (bar.label.length * LABEL_CHAR_WIDTH) / 2 > WIDTH - 2;
      parts.push(text(overflows ? WIDTH - 2 : centre, plotBottom + 14, bar.label, { anchor: overflows ? 'end' : 'middle', size: 10 }));
    }
  });
  parts.push(axisLine(plotLeft, plotTop, plotLeft, plotBottom), axisLine(plotLeft, plotBottom, plotLeft + plotWidth, plotBottom));
  parts.push(text(plotLeft + plotWidth / 2, plotBottom + 32, panel.xAxisLabel, { anchor: 'middle', size: 11 }));
  return `<g>${parts.join('')}</g>`;
}

function emptyChart(id: string, title: string): string {
  const height = TITLE_HEIGHT + 80;
  return svgDocument(id, title, NO_DATA_TEXT, height, text(WIDTH / 2, TITLE_HEIGHT + 40, NO_DATA_TEXT, { anchor: 'middle', size: 14, color: AXIS_COLOR }));
}

function svgDocument(id: string, title: string, description: string, height: number, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" ` +
    `role="img" aria-labelledby="${id}-title ${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(description)}</desc>` +
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>` +
    text(MARGIN.left / 4, 24, title, { size: 15, weight: 'bold' }) +
    body +
    `</svg>`
  );
}

function text(x: number, y: number, content: string, options: { anchor?: 'start' | 'middle' | 'end'; size?: number; weight?: 'bold'; color?: string } = {}): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    options.anchor && options.anchor !== 'start' ? `text-anchor="${options.anchor}"` : '',
    options.size ? `font-size="${options.size}"` : '',
    options.weight ? `font-weight="${options.weight}"` : '',
    `fill="${options.color ?? TEXT_COLOR}"`,
  ].filter(Boolean);
  return `<text ${attributes.join(' ')}>${escapeXml(content)}</text>`;
}

function axisLine(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${round(x1)}" y1="${round(y1)}" x2="${round(x2)}" y2="${round(y2)}" stroke="${AXIS_COLOR}"/>`;
}

/** 0 and evenly spaced round steps (1, 2 or 5 × 10^n) up to at least `max`; integer steps only. */
function niceTicks(max: number): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / 4;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = Math.max(1, [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude);
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(t);
  return ticks;
}

function money(minor: number, currency: string): string {
  try {
    return formatMoney(minor, currency, 'en-US');
  } catch {
    return `${minor} ${currency} minor units`;
  }
}

/** Rough width of one character of a 10px label (system-ui), to keep labels inside the picture. */
const LABEL_CHAR_WIDTH = 6;

/** "2026-12-07" → "Dec 7" (a calendar date: no time zone shift). */
function shortDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

/** "2026-12-07" → "December 7, 2026". */
function longDate(isoDate: string): string {
  return new Intl.DateTimeFormat('en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
}

function truncate(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, max - 1)}…`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Escapes markup and drops characters XML 1.0 cannot carry at all (control characters, lone surrogates). */
export function escapeXml(value: string): string {
  return value
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

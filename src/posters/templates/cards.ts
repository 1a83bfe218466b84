import { html, raw, type Markup } from '../html.ts';
import { numberList } from './numbers.ts';
import type { PosterView } from './view.ts';

/** ISO/IEC 7810 ID-1, a bank card: fits a wallet, a phone case or a shoe. */
const CARD = { width: 85.6, height: 53.98 };
const COLUMNS = 2;
const ROWS = 5;
const PAGE = { width: 210, height: 297 };
const MARK = { gap: 2, length: 6 };

/**
 * Crop marks in the margin, in line with every card edge, drawn as one SVG over the page (the
 * printable HTML is served under a CSP that allows no inline styles, so no positioned divs).
 */
function cropMarks(): Markup {
  const left = (PAGE.width - COLUMNS * CARD.width) / 2;
  const top = (PAGE.height - ROWS * CARD.height) / 2;
  const right = left + COLUMNS * CARD.width;
  const bottom = top + ROWS * CARD.height;
  const xs = Array.from({ length: COLUMNS + 1 }, (_, i) => left + i * CARD.width);
  const ys = Array.from({ length: ROWS + 1 }, (_, i) => top + i * CARD.height);
  const line = (x1: number, y1: number, x2: number, y2: number) =>
    `<line x1="${x1.toFixed(2)}" y1="${y1.toFixed(2)}" x2="${x2.toFixed(2)}" y2="${y2.toFixed(2)}"/>`;
  const vertical = xs.flatMap((x) => [line(x, top - MARK.gap, x, top - MARK.gap - MARK.length), line(x, bottom + MARK.gap, x, bottom + MARK.gap + MARK.length)]);
  const horizontal = ys.flatMap((y) => [line(left - MARK.gap, y, left - MARK.gap - MARK.length, y), line(right + MARK.gap, y, right + MARK.gap + MARK.length, y)]);
  return raw(
    `<svg class="crop-marks" aria-hidden="true" viewBox="0 0 ${PAGE.width} ${PAGE.height}" stroke="#000" stroke-width="0.2">${[...vertical, ...horizontal].join('')}</svg>`,
  );
}

/**
 * Ten pocket cards on an A4 sheet, to cut along the crop marks. Discreet words and the numbers,
 * no headline and no QR code: a card found in a phone case must not give its owner away.
 */
export function cardsLayout(view: PosterView): Markup {
  const { texts, design } = view.variant;
  const card = html`<div class="card">
    <p class="card-title">${texts.pocketCard.title}</p>
    <p class="card-line">${texts.pocketCard.line}</p>
    ${numberList(view, 'card-numbers')}
    <p class="card-country">${view.countryName}</p>
  </div>`;
  return html`<main class="sheet cards accent-${design.accent}">
    ${cropMarks()}
    <div class="card-grid">${Array.from({ length: COLUMNS * ROWS }, () => card)}</div>
  </main>`;
}

import { html, type Markup } from '../html.ts';
import { number } from './numbers.ts';
import { headlineClass } from './poster.ts';
import type { PosterView } from './view.ts';

const STRIPS = 7;

/**
 * An A4 poster with strips to tear off along the bottom edge: each strip carries the tear-off
 * label, the number to call and the number to text, so a person can take the number without
 * being seen writing it down.
 */
export function tearOffLayout(view: PosterView): Markup {
  const { texts, design, numbers } = view.variant;
  const { phone, sms } = numbers.hotline;
  const strip = html`<li class="strip">
    <span class="strip-label">${texts.tearOff}</span>
    ${phone && html`<span class="strip-number">${view.labels.call} ${number(phone)}</span>`}
    ${sms && html`<span class="strip-number">${view.labels.text} ${number(sms)}</span>`}
  </li>`;
  return html`<main class="sheet tear-off accent-${design.accent}">
    <header class="top"><h1 class="${headlineClass(texts.headline)}">${texts.headline}</h1></header>
    <ul class="lines">${texts.lines.slice(0, 2).map((line) => html`<li>${line}</li>`)}</ul>
    <section class="help">
      <p class="cta">${texts.callToAction}</p>
      <p class="country">${view.countryName}</p>
      ${view.qr}
    </section>
    <ol class="strips">${Array.from({ length: STRIPS }, () => strip)}</ol>
  </main>`;
}

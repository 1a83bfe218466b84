import { html, raw, type Markup } from '../html.ts';
import { number } from './numbers.ts';
import { headlineClass } from './poster.ts';
import type { PosterView } from './view.ts';
import { iconPaths } from '../../utils/icons.ts';

const STRIPS = 7;

/**
 * The two numbers a strip carries: the hotline to call (or to text, if it takes only texts), and
 * a number to text: our own tip line where the build has one (PUBLIC_TIPLINE_SMS), else the
 * hotline's. A strip is too narrow for more.
 */
export function stripNumbers({ variant, tiplineSms }: PosterView): { kind: 'phone' | 'text'; value: string }[] {
  const { phone, sms } = variant.numbers.hotline;
  const first = phone ? { kind: 'phone' as const, value: phone } : { kind: 'text' as const, value: sms! };
  const text = tiplineSms ?? (phone ? sms : undefined);
  return text ? [first, { kind: 'text', value: text }] : [first];
}

/**
 * An A4 poster with strips to tear off along the bottom edge: each strip carries the tear-off
 * label and the numbers, so a person can take them without being seen writing them down. A
 * phone or a message icon says which number is for what: "Call" and "Text" do not fit a strip
 * beside a long number in every language.
 */
export function tearOffLayout(view: PosterView): Markup {
  const { texts, design } = view.variant;
  const icon = (kind: 'phone' | 'text') =>
    raw(`<svg class="strip-icon" viewBox="0 0 24 24" aria-hidden="true" fill="currentColor"><path d="${iconPaths[kind]}"/></svg>`);
  const strip = html`<li class="strip">
    <span class="strip-label">${texts.tearOff}</span>
    ${stripNumbers(view).map(({ kind, value }) => html`<span class="strip-number">${icon(kind)} ${number(value)}</span>`)}
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

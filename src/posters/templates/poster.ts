import { html, type Markup } from '../html.ts';
import { numberList } from './numbers.ts';
import type { PosterView } from './view.ts';

/**
 * The poster itself, at any paper size and as the share image. The designs (band, checklist,
 * split) share this markup; poster.css lays each out in its own way.
 */
export function posterLayout(view: PosterView): Markup {
  const { texts, design } = view.variant;
  return html`<main class="sheet poster template-${design.template} accent-${design.accent}">
    <header class="top"><h1 class="${headlineClass(texts.headline)}">${texts.headline}</h1></header>
    <ul class="lines">${texts.lines.map((line) => html`<li>${line}</li>`)}</ul>
    <section class="help">
      <p class="cta">${texts.callToAction}</p>
      ${numberList(view, 'numbers')}
      <p class="country">${view.countryName}</p>
    </section>
    <footer class="more">
      ${view.qr}
      <p><span class="scan">${view.labels.scan}</span> <bdi dir="ltr" class="url">${displayUrl(view.url)}</bdi></p>
    </footer>
  </main>`;
}

const LONG_HEADLINE = 36;

/**
 * A long headline is set smaller, so that it takes three lines rather than five. Length is counted
 * in what a reader sees as letters (graphemes): a Khmer or Thai letter with its marks counts once.
 */
export function headlineClass(headline: string): string {
  const letters = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(headline)].length;
  return letters > LONG_HEADLINE ? 'headline long' : 'headline';
}

/** The URL as a person would type it: without the scheme. */
export function displayUrl(url: string): string {
  return url.replace(/^https?:\/\//, '');
}

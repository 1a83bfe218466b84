import { html } from '../html.ts';
import { fontStylesheets } from '../fonts.ts';
import type { PosterFormat } from '../formats.ts';
import { posterLayout } from './poster.ts';
import { tearOffLayout } from './tear-off.ts';
import { cardsLayout } from './cards.ts';
import type { PosterView } from './view.ts';

const layouts = { poster: posterLayout, 'tear-off': tearOffLayout, cards: cardsLayout };

/**
 * A whole HTML document for one format of a variant. It links its stylesheets and fonts from
 * `assets/` beside it and has no inline style or script, so the same file can be printed by
 * Chromium at build time or served by the site as printable HTML under the site's CSP.
 */
export function posterDocument(view: PosterView, format: PosterFormat): string {
  const { locale, texts } = view.variant;
  const fonts = fontStylesheets(locale).map((file) => html`<link rel="stylesheet" href="assets/fonts/${file}">`);
  return html`<!doctype html>
<html lang="${locale}" dir="${view.dir}" class="paper-${format.paper}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${texts.headline}</title>
${fonts}
<link rel="stylesheet" href="assets/poster.css">
</head>
<body>
${layouts[format.layout](view)}
</body>
</html>
`.value;
}

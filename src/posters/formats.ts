/**
 * The files made for each variant. `layout` is the document the format prints (src/posters/
 * templates/); `paper` is a named page in poster.css; `file` ends the file name after the variant's
 * id. A poster prints the same design at every paper size: poster.css sizes everything from the
 * page's width.
 */
export const posterFormats = [
  { id: 'a4', layout: 'poster', paper: 'a4', kind: 'pdf', file: 'a4.pdf', widthMm: 210, heightMm: 297 },
  { id: 'a3', layout: 'poster', paper: 'a3', kind: 'pdf', file: 'a3.pdf', widthMm: 297, heightMm: 420 },
  { id: 'letter', layout: 'poster', paper: 'letter', kind: 'pdf', file: 'letter.pdf', widthMm: 215.9, heightMm: 279.4 },
  { id: 'tear-off', layout: 'tear-off', paper: 'a4', kind: 'pdf', file: 'tear-off-a4.pdf', widthMm: 210, heightMm: 297 },
  { id: 'cards', layout: 'cards', paper: 'a4', kind: 'pdf', file: 'pocket-cards-a4.pdf', widthMm: 210, heightMm: 297 },
  { id: 'share', layout: 'poster', paper: 'share', kind: 'png', file: 'share.png', widthPx: 1080, heightPx: 1350 },
] as const;

/** The small picture the library shows, made from the share image. */
export const thumbnail = { id: 'thumbnail', file: 'thumbnail.webp', widthPx: 360, heightPx: 450 } as const;

export type PosterFormat = (typeof posterFormats)[number];
export type FormatId = PosterFormat['id'] | typeof thumbnail.id;
export type Layout = PosterFormat['layout'];

import type { Markup } from '../html.ts';
import type { Variant } from '../variants.ts';

/** Everything a layout prints for one variant, in the variant's language. */
export interface PosterView {
  variant: Variant;
  dir: 'ltr' | 'rtl';
  /** The country's name in the poster's language. */
  countryName: string;
  /** UI strings printed on the poster, in its language. */
  labels: { call: string; text: string; emergency: string; scan: string };
  /** Our own tip line's number for text messages (PUBLIC_TIPLINE_SMS), when the build has one. */
  tiplineSms?: string;
  /** The poster's page on the public site, which the QR code opens. */
  url: string;
  qr: Markup;
}

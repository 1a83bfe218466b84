import QRCode from 'qrcode';
import { raw, type Markup } from './html.ts';

/**
 * A QR code for a URL, as SVG: vector, so it stays sharp at any paper size. Level M survives a
 * crease or a little dirt on a printed poster and keeps the code small enough to scan from a metre.
 */
export async function qrSvg(url: string): Promise<Markup> {
  const svg = await QRCode.toString(url, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  return raw(svg.replace('<svg ', '<svg class="qr" role="img" aria-hidden="true" '));
}

import { html, type Markup } from '../html.ts';
import type { PosterView } from './view.ts';

/**
 * A phone number as printed: always left to right, even inside Arabic text, where it would
 * otherwise be reordered (<bdi dir="ltr">).
 */
export function number(value: string): Markup {
  // A long national number (the UK's 08000 121 700) is set smaller, so the call and the
  // emergency numbers still fit on one row of the sheet.
  const long = value.replace(/\D/g, '').length > 8;
  return html`<bdi dir="ltr" class="${long ? 'digits long-number' : 'digits'}">${value}</bdi>`;
}

/** The hotline to call and to text, then the emergency number, each with its label. */
export function numberList({ variant, labels }: PosterView, className: string): Markup {
  const { hotline, emergency } = variant.numbers;
  return html`<dl class="${className}">
    ${hotline.phone && html`<div class="number call"><dt>${labels.call}</dt><dd>${number(hotline.phone)}</dd></div>`}
    ${hotline.sms && html`<div class="number sms"><dt>${labels.text}</dt><dd>${number(hotline.sms)}</dd></div>`}
    ${emergency && html`<div class="number emergency"><dt>${labels.emergency}</dt><dd>${number(emergency)}</dd></div>`}
  </dl>`;
}

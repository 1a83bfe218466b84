/**
 * HTML for the poster documents, written as template literals. Every interpolated value is
 * escaped unless it is already markup made by `html` (a nested template) or `raw` (the QR code's
 * SVG, which we generate), so a poster text cannot break the page.
 */
export class Markup {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => entities[c]);
}

type Value = Markup | string | number | false | null | undefined | Value[];

function render(value: Value): string {
  if (value === false || value === null || value === undefined) return '';
  if (Array.isArray(value)) return value.map(render).join('');
  if (value instanceof Markup) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Value[]): Markup {
  return new Markup(strings.reduce((out, s, i) => out + s + (i < values.length ? render(values[i]) : ''), ''));
}

/** Markup we made ourselves and trust as it is. */
export function raw(markup: string): Markup {
  return new Markup(markup);
}

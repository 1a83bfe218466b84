/** Puts values into a UI string's placeholders: fill("{n} min", { n: 45 }) → "45 min". */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/**
 * The poster library filters without JavaScript and without a server. Each language has its own
 * page (src/components/PosterLibrary.astro); on it, each other filter is a group of radio
 * buttons, and CSS hides what the checked ones rule out (`:has()`). A browser without `:has()`
 * shows every poster of the language, which is still a usable list. This makes the rules, one per
 * value.
 */
export interface FilterValues {
  country: readonly string[];
  audience: readonly string[];
  topic: readonly string[];
}

export type FilterGroup = keyof FilterValues;

/** The radio button's id for a value, e.g. filter-country-KH. */
export const filterId = (group: FilterGroup, value: string) => `filter-${group}-${value}`;

export function posterFilterCss(values: FilterValues): string {
  const when = (group: FilterGroup, value: string) => `.poster-finder:has(#${filterId(group, value)}:checked)`;
  const rules = [
    ...values.country.map(
      (v) => `${when('country', v)} :is(.poster-card:not(:has([data-country="${v}"])), [data-country]:not([data-country="${v}"]))`,
    ),
    ...values.audience.map((v) => `${when('audience', v)} .poster-card:not([data-audiences~="${v}"])`),
    ...values.topic.map((v) => `${when('topic', v)} .poster-card:not([data-topics~="${v}"])`),
  ];
  return rules.map((selector) => `${selector} { display: none; }`).join('\n') + '\n';
}

// The search page's script: loads Pagefind from this site, runs the query in the URL, and renders
// results and filters with the page's own localized labels. Astro bundles it into /_astro/.
import { spaceWords, unspaceExcerpt } from './segment';
import { matchesRespelling, nearQueries } from './spelling';
import { fill } from '../i18n/fill';

interface Labels {
  searching: string;
  count: string;
  none: string;
  corrected: string;
  failed: string;
  filters: Record<string, string>;
  [vocabulary: string]: string | Record<string, string>;
}
interface Result {
  url: string;
  excerpt: string;
  meta: { title: string };
  filters: Record<string, string[]>;
}
/** Pagefind's browser API, as far as this page uses it (pagefind.js exists only in the built site). */
interface Pagefind {
  options(options: { excerptLength?: number }): Promise<void>;
  filters(): Promise<Record<string, Record<string, number>>>;
  search(query: string, options: { filters?: Record<string, { any: string[] }> }): Promise<{ results: { data(): Promise<Result> }[] }>;
}

const root = document.querySelector<HTMLElement>('[data-search]')!;
const labels: Labels = JSON.parse(root.dataset.labels!);
const locale = document.documentElement.lang;
const form = root.querySelector('form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = root.querySelector<HTMLElement>('[role="status"]')!;
const list = root.querySelector('ol')!;
const filterBox = root.querySelector<HTMLElement>('[data-filters]')!;
const filterDisclosure = root.querySelector<HTMLDetailsElement>('.search-filters-box')!;

function vocabulary(name: string): Record<string, string> {
  return (labels[name] as Record<string, string> | undefined) ?? {};
}

function text(tag: string, content: string, attrs: Record<string, string> = {}) {
  const el = document.createElement(tag);
  el.textContent = content;
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  return el;
}

function chosenFilters() {
  const chosen: Record<string, { any: string[] }> = {};
  for (const box of filterBox.querySelectorAll<HTMLInputElement>('input:checked')) {
    (chosen[box.name] ??= { any: [] }).any.push(box.value);
  }
  return chosen;
}

function renderFilters(available: Record<string, Record<string, number>>, selected: URLSearchParams) {
  filterBox.replaceChildren();
  for (const name of ['audience', 'topic', 'kind']) {
    const values = Object.keys(available[name] ?? {});
    if (!values.length) continue;
    const fieldset = document.createElement('fieldset');
    fieldset.append(text('legend', labels.filters[name]));
    for (const value of values) {
      const id = `filter-${name}-${value}`;
      const box = Object.assign(document.createElement('input'), { type: 'checkbox', name, value, id });
      box.checked = selected.getAll(name).includes(value);
      const label = text('label', `${vocabulary(name)[value] ?? value} (${available[name][value]})`, { for: id });
      const row = document.createElement('div');
      row.append(box, label);
      fieldset.append(row);
    }
    filterBox.append(fieldset);
  }
}

function renderResult(data: Result) {
  const item = document.createElement('li');
  const title = document.createElement('h2');
  title.append(text('a', data.meta.title, { href: data.url }));
  const excerpt = document.createElement('p');
  // Pagefind escapes the page text in an excerpt and adds only <mark>.
  excerpt.innerHTML = unspaceExcerpt(data.excerpt, locale);
  const tags = Object.entries(data.filters)
    .flatMap(([name, values]) => values.map((v) => vocabulary(name)[v] ?? v))
    .join(' · ');
  item.append(title, excerpt);
  if (tags) item.append(text('p', tags, { class: 'result-tags' }));
  return item;
}

// Each search gets a number; only the latest may show its results, so a slow earlier search
// never mixes with or overwrites a newer one.
let latest = 0;

async function run(pagefind: Pagefind) {
  const mine = ++latest;
  const query = input.value.trim();
  const url = new URL(location.href);
  url.search = '';
  if (query) url.searchParams.set('q', query);
  for (const [name, { any }] of Object.entries(chosenFilters())) any.forEach((v) => url.searchParams.append(name, v));
  history.replaceState(null, '', url);
  if (!query) {
    status.textContent = '';
    list.replaceChildren();
    return;
  }
  status.textContent = labels.searching;
  const filters = chosenFilters();
  let found = await searchFor(pagefind, query, filters);
  // Nothing found: try near spellings of the words ("pasport" → "passport") and say so.
  let corrected: string | undefined;
  if (!found.length) {
    const tries = await Promise.all(nearQueries(query).map(async (near) => ({ ...near, results: await searchFor(pagefind, near.query, filters) })));
    // The nearest kind of slip that really finds the word wins (the list is in that order).
    for (const near of tries.filter((t) => t.results.length)) {
      if (matchesRespelling((await near.results[0].data()).excerpt, near.word)) {
        ({ query: corrected, results: found } = near);
        break;
      }
    }
  }
  const results = await Promise.all(found.slice(0, 20).map((r) => r.data()));
  if (mine !== latest) return;
  const count = String(found.length);
  status.textContent = !results.length
    ? fill(labels.none, { query })
    : corrected
      ? fill(labels.corrected, { query, corrected, count })
      : fill(labels.count, { query, count });
  list.replaceChildren(...results.map(renderResult));
}

async function searchFor(pagefind: Pagefind, query: string, filters: Record<string, { any: string[] }>) {
  // The index holds Thai and Khmer with their words spaced (src/search/segment.ts): so must the query.
  return (await pagefind.search(spaceWords(query, locale), { filters })).results;
}

async function loadPagefind(): Promise<Pagefind> {
  // Built after the site, so it is fetched at run time, never bundled.
  const url: string = '/pagefind/pagefind.js';
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  await pagefind.options({ excerptLength: 24 });
  return pagefind;
}

async function start() {
  const params = new URLSearchParams(location.search);
  // A reader may type before Pagefind has loaded: keep what they typed and answer it when ready.
  if (!input.value) input.value = params.get('q') ?? '';
  const ready = loadPagefind();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    await run(await ready);
  });
  filterBox.addEventListener('change', async () => run(await ready));
  const pagefind = await ready;
  renderFilters(await pagefind.filters(), params);
  filterDisclosure.hidden = false;
  // Open when the address already narrows the results, so the reader sees why there are fewer.
  filterDisclosure.open = ['audience', 'topic', 'kind'].some((name) => params.has(name));
  await run(pagefind);
}

start().catch(() => { status.textContent = labels.failed; });

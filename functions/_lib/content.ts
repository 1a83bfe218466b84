import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { countryHotlinesSchema, type CountryHotlines } from '../../src/schemas/hotline.ts';
import { tiplineTextSchema, type TiplineText } from '../../src/schemas/tipline.ts';
import { voiceTextSchema, type VoiceText } from '../../src/schemas/voice.ts';
import { isLocale, localeCodes, type Locale } from '../../src/i18n/locales.ts';
import type { UiKey } from '../../src/schemas/ui.ts';
import { formatContentError } from '../../src/utils/content-errors.ts';

/**
 * A folder of the project (`content/`, `dist/`) that holds `marker`: the nearest above this code.
 * That is two folders up in the source tree, and one up in a Netlify bundle, where this code is
 * part of functions/<name>.mjs and the folder's files are included files beside functions/.
 */
export function projectFolder(name: string, marker: string): URL {
  for (let dir = new URL('./', import.meta.url); dir.pathname !== '/'; dir = new URL('../', dir)) {
    const folder = new URL(`${name}/`, dir);
    if (existsSync(new URL(marker, folder))) return folder;
  }
  throw new Error(`No ${name}/${marker} above the tip line's code: on Netlify, keep it in included_files (netlify.toml)`);
}

// The content the site is built from: one source of truth for every hotline number and text.
const contentDir = projectFolder('content', 'tipline/');

/** Reads one content file and checks it against its schema; an error names the file and field. */
function readValid<S extends z.ZodType>(file: string, parseText: (text: string) => unknown, schema: S): z.output<S> {
  const result = schema.safeParse(parseText(readFileSync(new URL(file, contentDir), 'utf8')));
  if (!result.success) throw new Error(formatContentError(`content/${file}`, result.error));
  return result.data;
}

/** Every country's numbers, by ISO code: content/hotlines/<cc>.yaml. */
export function loadHotlines(): Map<string, CountryHotlines> {
  const files = readdirSync(new URL('hotlines/', contentDir)).filter((f) => f.endsWith('.yaml'));
  return new Map(
    files.map((f) => {
      const data = readValid(`hotlines/${f}`, parse, countryHotlinesSchema);
      return [data.country, data];
    }),
  );
}

export type TextsByLocale = Map<Locale, TiplineText>;

/** The line's texts and keywords in every language that has them: content/tipline/<locale>.json. */
export function loadTiplineTexts(): TextsByLocale {
  const files = readdirSync(new URL('tipline/', contentDir)).filter((f) => f.endsWith('.json'));
  const texts = new Map<Locale, TiplineText>();
  for (const f of files) {
    const locale = f.replace(/\.json$/, '');
    if (!isLocale(locale)) throw new Error(`content/tipline/${f}: ${locale} is not one of the site's locales`);
    texts.set(locale, readValid(`tipline/${f}`, JSON.parse, tiplineTextSchema));
  }
  if (!texts.has('en')) throw new Error('content/tipline/en.json is missing: English is every other language\'s fallback');
  return texts;
}

/**
 * What the voice line says, in every language: content/voice/<locale>.json. Every language of the
 * site must have its script (the language menu offers them all); English carries the line's own
 * English-only texts.
 */
export function loadVoiceTexts(): Map<Locale, VoiceText> {
  const texts = new Map<Locale, VoiceText>();
  for (const locale of localeCodes) {
    const text = readValid(`voice/${locale}.json`, JSON.parse, voiceTextSchema);
    if (locale === 'en' && (!text.menuFallback || !text.noVoice || !text.screen)) {
      throw new Error('content/voice/en.json: menuFallback, noVoice and screen are required in English');
    }
    texts.set(locale, text);
  }
  return texts;
}

/** One language's texts, or English's where that language has none. */
export function textFor(texts: TextsByLocale, locale: Locale): TiplineText {
  return texts.get(locale) ?? texts.get('en')!;
}

/** The site's UI strings of one language (content/ui/<locale>.json), for pages the functions print. */
export type UiStringsByLocale = Map<Locale, Partial<Record<UiKey, string>>>;

/**
 * Every language's UI strings. The site's build checks these files against their schema; here
 * they are read as they were built, and a key a language lacks falls back to English.
 */
export function loadUiStrings(): UiStringsByLocale {
  const files = readdirSync(new URL('ui/', contentDir)).filter((f) => f.endsWith('.json'));
  return new Map(files.map((f) => [f.replace(/\.json$/, '') as Locale, JSON.parse(readFileSync(new URL(`ui/${f}`, contentDir), 'utf8'))]));
}

/** A lookup of one language's UI strings, English where that language lacks a key. */
export function translatorFor(strings: UiStringsByLocale, locale: Locale): (key: UiKey) => string {
  const own = strings.get(locale) ?? {};
  const english = strings.get('en') ?? {};
  return (key) => own[key] ?? english[key] ?? key;
}

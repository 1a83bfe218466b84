import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { localeCodes, type Locale } from '../../src/i18n/locales';

/**
 * Words that promise a reader that nobody can know of their visit, in each language. That promise
 * cannot be kept: the network, the browser's history and spy apps on a phone can all see a visit,
 * and the web host sees each one. English phrases are checked in every language too, because an
 * untranslated string is shown as it is.
 */
const unkeptPromises: Record<Locale, string[]> = {
  en: ['without anyone knowing', 'no one will know', 'nobody will know', 'no one can know', 'nobody can know', 'no one can see', 'nobody can see', 'no trace', 'invisible', 'untraceable'],
  fr: ['sans que personne ne sache', 'personne ne saura', 'personne ne peut savoir', 'aucune trace', 'invisible'],
  es: ['sin que nadie sepa', 'nadie sabrá', 'nadie puede saber', 'sin dejar rastro', 'ningún rastro', 'invisible'],
  ru: ['никто не узнал', 'никто не узнает', 'никто не сможет узнать', 'не оставляя следов', 'никаких следов'],
  ar: ['دون أن يعرف أحد', 'بدون أن يعرف أحد', 'لن يعرف أحد', 'دون ترك أثر'],
  th: ['โดยไม่มีใครรู้', 'ไม่มีใครรู้ว่าคุณ', 'ไม่ทิ้งร่องรอย'],
  vi: ['mà không ai biết', 'không ai biết bạn', 'không để lại dấu vết'],
  km: ['គ្មាននរណាដឹង', 'គ្មានអ្នកណាដឹង', 'មិនទុកដាន'],
};

/** The phrases of `text` that promise a visit goes unseen, in its language or in English. */
function promisesIn(text: string, locale: Locale): string[] {
  const lower = text.toLocaleLowerCase(locale);
  return [...new Set([...unkeptPromises[locale], ...unkeptPromises.en])].filter((phrase) => lower.includes(phrase));
}

/** Every string in a JSON text file, with the key path that holds it. */
function stringsOf(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, inner]) => stringsOf(inner, path ? `${path}.${key}` : key));
  }
  return [];
}

describe('no text on the site or the SMS line promises that nobody can know of a visit', () => {
  it('finds the promise the home page once made, in every language', () => {
    const before: Record<Locale, string> = {
      en: 'how to get help without anyone knowing you were here.',
      fr: 'comment trouver de l’aide, sans que personne ne sache que vous avez lu ces pages.',
      es: 'cómo pedir ayuda, sin que nadie sepa que estuviste aquí.',
      ru: 'как получить помощь так, чтобы никто не узнал, что вы сюда заходили.',
      ar: 'وكيف تحصل على المساعدة، دون أن يعرف أحد أنك كنت هنا.',
      th: 'และจะขอความช่วยเหลือได้อย่างไร โดยไม่มีใครรู้ว่าคุณเคยเข้ามาที่นี่',
      vi: 'cách tìm sự giúp đỡ, mà không ai biết bạn đã vào đây.',
      km: 'និងរបៀបសុំជំនួយ ដោយគ្មាននរណាដឹងថាអ្នកបានមកទីនេះ។',
    };
    for (const locale of localeCodes) expect(promisesIn(before[locale], locale), locale).not.toEqual([]);
  });

  it.each(localeCodes)('holds for the site texts and the SMS texts in %s', (locale) => {
    const found = ['ui', 'tipline'].flatMap((folder) => {
      const file = `content/${folder}/${locale}.json`;
      return stringsOf(JSON.parse(readFileSync(file, 'utf8'))).flatMap(([key, text]) =>
        promisesIn(text, locale).map((phrase) => `${file}: ${key} says “${phrase}”`),
      );
    });
    expect(found).toEqual([]);
  });
});

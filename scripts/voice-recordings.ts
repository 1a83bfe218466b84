/**
 * npm run voice:recordings [-- --locale km]
 *
 * Prints what staff must record for the voice line: every prompt of every language, as this line's
 * settings make it say them (RETENTION_DAYS, the emergency number of LINE_COUNTRY), with the file
 * each recording must be saved as under public/audio/, and which exist already. Khmer has no
 * text-to-speech voice at Twilio: its calls are in English until all its prompts are recorded.
 * Other languages may be recorded too; a recording is played before any text-to-speech.
 */
import { parseArgs } from 'node:util';
import { isLocale } from '../src/i18n/locales.ts';
import { loadHotlines, loadVoiceTexts } from '../functions/_lib/content.ts';
import { unvoiced } from '../functions/_lib/channels/voice/prompts.ts';
import { recordingsToMake } from '../functions/_lib/channels/voice/recordings-to-make.ts';
import { englishName } from '../functions/_lib/channels/voice/speech.ts';

const { values } = parseArgs({ options: { locale: { type: 'string' } } });
if (values.locale && !isLocale(values.locale)) {
  console.error(`--locale ${values.locale}: not one of the site's languages`);
  process.exit(2);
}
const texts = loadVoiceTexts();
const mustRecord = new Set(unvoiced(texts));
const toMake = recordingsToMake({ texts, hotlines: loadHotlines(), env: process.env, audioDir: new URL('../public/audio/', import.meta.url) });

console.log(`Settings: RETENTION_DAYS=${process.env.RETENTION_DAYS ?? '90 (default)'}, LINE_COUNTRY=${process.env.LINE_COUNTRY ?? '(unset: the safety line says 112)'}.`);
console.log('Record each text exactly as written, in a calm voice, as MP3 (mono, 8 or 16 kHz is enough), saved under the name shown.\n');
for (const locale of texts.keys()) {
  if (values.locale && locale !== values.locale) continue;
  const own = toMake.filter((r) => r.locale === locale);
  const done = own.filter((r) => r.exists).length;
  const need = mustRecord.has(locale) ? 'must be recorded: Twilio has no voice for it' : 'optional: Twilio speaks it';
  console.log(`${englishName(locale)} (${locale}), ${need}; ${done} of ${own.length} recorded`);
  for (const r of own) console.log(`  ${r.exists ? '[x]' : '[ ]'} public/audio/${r.path}\n      ${r.text}`);
  console.log('');
}

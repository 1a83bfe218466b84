import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { loadHotlines, loadVoiceTexts } from '../../functions/_lib/content.ts';
import { unvoiced } from '../../functions/_lib/channels/voice/prompts.ts';
import { recordingsToMake } from '../../functions/_lib/channels/voice/recordings-to-make.ts';
import { englishName } from '../../functions/_lib/channels/voice/speech.ts';

/**
 * The voice line's recordings, at the end of `astro build`: lists the files in public/audio/ (which
 * the build copies into dist/audio/) as dist/audio/recordings.json, for the functions to know which
 * prompts they can play. A production build (npm run build:production, WARN_MISSING_RECORDINGS=1)
 * warns for each language Twilio cannot speak (Khmer) while its prompts are not all recorded:
 * such calls go on in English until they are.
 */
export default function voiceRecordings(): AstroIntegration {
  return {
    name: 'voice-recordings',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const audio = new URL('audio/', dir);
        const files = existsSync(audio)
          ? readdirSync(audio, { withFileTypes: true }).filter((d) => d.isDirectory())
              .flatMap((d) => readdirSync(new URL(`${d.name}/`, audio)).filter((f) => f.endsWith('.mp3')).map((f) => `${d.name}/${f}`))
          : [];
        mkdirSync(audio, { recursive: true });
        writeFileSync(new URL('recordings.json', audio), JSON.stringify(files.sort()));
        if (process.env.WARN_MISSING_RECORDINGS !== '1') return;
        const texts = loadVoiceTexts();
        const toMake = recordingsToMake({ texts, hotlines: loadHotlines(), env: process.env, audioDir: audio });
        for (const locale of unvoiced(texts)) {
          const missing = toMake.filter((r) => r.locale === locale && !r.exists);
          if (missing.length) {
            logger.warn(`The voice line cannot speak ${englishName(locale)}: ${missing.length} of its prompts are not recorded yet, so ${englishName(locale)} callers hear English and are offered an SMS in ${englishName(locale)}. npm run voice:recordings lists what to record.`);
          }
        }
      },
    },
  };
}

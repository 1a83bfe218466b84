import { existsSync } from 'node:fs';
import { tiplineEnvSchema } from '../../config.ts';
import type { CountryHotlines } from '../../../../src/schemas/hotline.ts';
import { emergencyNumberOf } from '../../../../src/utils/hotlines.ts';
import { promptsOf, recordingPath, type Prompt, type VoiceTexts } from './prompts.ts';

export interface RecordingToMake extends Prompt {
  /** Where the recording goes: public/audio/<path>. */
  path: string;
  exists: boolean;
}

const settings = tiplineEnvSchema.pick({ RETENTION_DAYS: true, LINE_COUNTRY: true });

/**
 * Every prompt of every language as this line's settings make it say them (RETENTION_DAYS in the
 * recording notice, the emergency number of LINE_COUNTRY in the safety line), each with the file a
 * recording of it must be saved as, and whether it has been. A call from another country, whose
 * emergency number differs, hears that line by text-to-speech, or in English for Khmer.
 */
export function recordingsToMake(options: {
  texts: VoiceTexts;
  hotlines: Map<string, CountryHotlines>;
  env: NodeJS.ProcessEnv;
  /** The folder of recordings: public/audio/. */
  audioDir: URL;
}): RecordingToMake[] {
  const env = settings.parse(options.env);
  const country = env.LINE_COUNTRY ? options.hotlines.get(env.LINE_COUNTRY) : undefined;
  const values = { emergency: emergencyNumberOf(country), days: env.RETENTION_DAYS };
  return [...options.texts.keys()].flatMap((locale) =>
    promptsOf(options.texts, locale, values).map((p) => {
      const path = recordingPath(p);
      return { ...p, path, exists: existsSync(new URL(path, options.audioDir)) };
    }),
  );
}

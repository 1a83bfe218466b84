import { existsSync, readFileSync } from 'node:fs';
import { projectFolder } from '../../content.ts';

/**
 * The recordings of prompts that staff made (public/audio/<locale>/), as the build listed them in
 * dist/audio/recordings.json (src/integrations/voice-recordings.ts): the functions play them from
 * the site and need not carry the audio files. DIST_DIR names another build folder, as it does for
 * the local server. No build, or no recordings: none, and every prompt is spoken by Twilio's
 * voices (Khmer in English).
 */
export function builtRecordings(): Set<string> {
  let list: URL;
  try {
    list = process.env.DIST_DIR
      ? new URL(`file://${process.cwd()}/${process.env.DIST_DIR}/audio/recordings.json`)
      : new URL('audio/recordings.json', projectFolder('dist', 'audio/recordings.json'));
  } catch {
    return new Set();
  }
  return existsSync(list) ? new Set(JSON.parse(readFileSync(list, 'utf8')) as string[]) : new Set();
}

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import voiceRecordings from '../../src/integrations/voice-recordings';
import { loadVoiceTexts } from '../../functions/_lib/content';
import { promptsOf, recordingPath } from '../../functions/_lib/channels/voice/prompts';

// The build step that lists the voice line's recordings, and warns in a production build while
// Khmer (which Twilio cannot speak) is not recorded.
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(files: string[], env: Record<string, string>): { warnings: string[]; listed: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'voice-dist-'));
  dirs.push(dir);
  for (const file of files) {
    mkdirSync(join(dir, 'audio', file.split('/')[0]), { recursive: true });
    writeFileSync(join(dir, 'audio', file), 'ID3');
  }
  const warnings: string[] = [];
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    const hook = voiceRecordings().hooks['astro:build:done'] as (options: unknown) => void;
    hook({ dir: pathToFileURL(`${dir}/`), logger: { warn: (message: string) => warnings.push(message) } });
  } finally {
    process.env = saved;
  }
  return { warnings, listed: JSON.parse(readFileSync(join(dir, 'audio', 'recordings.json'), 'utf8')) };
}

describe('the voice line\'s recordings at build', () => {
  const khmer = promptsOf(loadVoiceTexts(), 'km', { emergency: '112', days: 90 }).map(recordingPath);

  it('warns in a production build while Khmer prompts are missing, and names the command that lists them', () => {
    const { warnings, listed } = build(khmer.slice(1), { WARN_MISSING_RECORDINGS: '1' });
    expect(warnings).toEqual([expect.stringContaining('1 of its prompts are not recorded yet')]);
    expect(warnings[0]).toContain('npm run voice:recordings');
    expect(listed).toEqual([...khmer.slice(1)].sort());
  });

  it('is quiet once every Khmer prompt is recorded, and in an ordinary build', () => {
    expect(build(khmer, { WARN_MISSING_RECORDINGS: '1' }).warnings).toEqual([]);
    expect(build([], {}).warnings).toEqual([]);
  });
});

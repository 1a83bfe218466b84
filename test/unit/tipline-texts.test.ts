import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tiplineTextSchema } from '../../src/schemas/tipline';
import { loadHotlines, loadTiplineTexts } from '../../functions/_lib/content';
import { commandIn } from '../../functions/_lib/intake/keywords';
import { fillReply, segmentsOf } from '../../functions/_lib/intake/replies';
import { detectLanguage, replyLanguage } from '../../functions/_lib/intake/language';
import { loadTiplineConfig } from '../../functions/_lib/config';
import { localeCodes } from '../../src/i18n/locales';

const texts = loadTiplineTexts();
const hotlines = loadHotlines();

describe('the line\'s texts', () => {
  it('exist in every locale', () => {
    expect([...texts.keys()].sort()).toEqual([...localeCodes].sort());
  });

  it.each(localeCodes)('fit every %s reply in at most three SMS segments, with any country\'s numbers', (locale) => {
    const text = texts.get(locale)!;
    for (const country of [...hotlines.values(), undefined]) {
      for (const [name, template] of Object.entries(text.replies)) {
        if (name === 'hotline') continue;
        const reply = fillReply(template, text, country);
        expect(segmentsOf(reply), `${locale} ${name} ${country?.country ?? 'unknown country'}: ${reply}`).toBeLessThanOrEqual(3);
      }
    }
  });

  it('never puts an unchecked number in a reply', () => {
    // Cambodia's 117 and 1288 have no check record; its child helpline 1280 was read on its own site.
    const cambodia = hotlines.get('KH')!;
    const reply = fillReply(texts.get('km')!.replies.received, texts.get('km')!, cambodia);
    expect(reply).toContain('1280');
    expect(reply).not.toContain('117');
    expect(reply).not.toContain('1288');
  });

  it('recognises STOP in every language, only as the whole message', () => {
    for (const [locale, text] of texts) {
      for (const word of text.keywords.stop) {
        expect(commandIn(` ${word.toUpperCase()}! `, texts, { beforeReport: false })?.command, `${locale}: ${word}`).toBe('stop');
      }
    }
    expect(commandIn('please make him stop', texts, { beforeReport: true })).toBeUndefined();
    expect(commandIn('ឈប់ ធ្វើការ', texts, { beforeReport: true })).toBeUndefined();
  });

  it('keeps the carriers\' opt-out words', () => {
    expect(texts.get('en')!.keywords.stop).toEqual(expect.arrayContaining(['stop', 'stopall', 'unsubscribe', 'cancel', 'end', 'quit']));
  });

  it('takes no answer a reporter may give in a conversation for a command: numbers, names, common words', () => {
    const answers = ['3', '12', 'Huy', 'Dung', 'Viet', 'ok', 'yes', 'no', 'para', 'alto', 'хватит', 'выход', 'พอ', 'ออก', 'ไม่รับ', 'ចេញ', 'ចប់', 'thôi', 'خروج', 'fin'];
    for (const answer of answers) expect(commandIn(answer, texts, { beforeReport: false }), answer).toBeUndefined();
    // Before a first report, a menu number still chooses a language.
    expect(commandIn('3', texts, { beforeReport: true })).toEqual({ command: 'language', locale: 'es' });
  });

  it('refuses a bare number among the keywords that count in a conversation', () => {
    const en = JSON.parse(readFileSync('content/tipline/en.json', 'utf8'));
    en.keywords.language.push('1');
    expect(tiplineTextSchema.safeParse(en).error?.issues[0].message).toMatch(/a bare number is an answer/);
  });

  it('gives each language the same command for a shared word', () => {
    const seen = new Map<string, string>();
    for (const text of texts.values()) {
      for (const [command, words] of Object.entries(text.keywords)) {
        for (const word of words) {
          const key = word.toLocaleLowerCase();
          if (command === 'language') continue;
          expect(seen.get(key) ?? command, `"${word}" means two commands`).toBe(command);
          seen.set(key, command);
        }
      }
    }
  });
});

describe('reply language', () => {
  it('follows the script or language of the message', () => {
    expect(detectLanguage('ខ្ញុំត្រូវការជំនួយ')).toBe('km');
    expect(detectLanguage('นายจ้างยึดพาสปอร์ต')).toBe('th');
    expect(detectLanguage('Mi jefe me quitó el pasaporte y no puedo salir')).toBe('es');
    expect(detectLanguage('ok')).toBeUndefined();
  });

  it('prefers an explicit choice, then the message, then the conversation, then the country, then English', () => {
    expect(replyLanguage({ chosen: 'fr', text: 'hello there my friend how are you' })).toBe('fr');
    expect(replyLanguage({ text: 'ok', previous: 'vi', countryDefault: 'km' })).toBe('vi');
    expect(replyLanguage({ text: 'ok', countryDefault: 'km' })).toBe('km');
    expect(replyLanguage({ text: 'ok' })).toBe('en');
  });
});

describe('configuration', () => {
  it('names every setting production mode lacks', () => {
    expect(() => loadTiplineConfig({ TIPLINE_MODE: 'production' })).toThrow(
      /TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_PHONE_NUMBER, PUBLIC_BASE_URL, DATABASE_URL, TIP_ENCRYPTION_KEY, PSEUDONYM_KEY, RESPONDER_DIRECTORY/,
    );
  });

  it('names a malformed value and says what was expected', () => {
    expect(() => loadTiplineConfig({ TIP_ENCRYPTION_KEY: 'short', RETENTION_DAYS: 'soon' })).toThrow(/TIP_ENCRYPTION_KEY: a 32-byte key[\s\S]*RETENTION_DAYS/);
  });

  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');
  const production = {
    TIPLINE_MODE: 'production', TWILIO_ACCOUNT_SID: `AC${'1'.repeat(32)}`, TWILIO_AUTH_TOKEN: 'a'.repeat(32), TWILIO_PHONE_NUMBER: '+85523900100',
    PUBLIC_BASE_URL: 'https://tips.example.org', DATABASE_URL: 'postgres://tipline@db.example.org/tipline', TIP_ENCRYPTION_KEY: key(1),
    PSEUDONYM_KEY: key(2), RESPONDER_DIRECTORY: 'config/responders.example.yaml',
  };

  it('starts in production with every setting given and safe', () => {
    expect(loadTiplineConfig(production).mode).toBe('production');
  });

  it.each([
    ['an http:// public URL', { PUBLIC_BASE_URL: 'http://tips.example.org' }, /PUBLIC_BASE_URL must be https/],
    ['a fake Twilio API', { TWILIO_API_BASE_URL: 'http://127.0.0.1:9999' }, /TWILIO_API_BASE_URL is for tests/],
    ['one key for both secrets', { PSEUDONYM_KEY: key(1) }, /PSEUDONYM_KEY must differ/],
  ])('refuses production with %s', (_, change, reason) => {
    expect(() => loadTiplineConfig({ ...production, ...change })).toThrow(reason);
  });

  it.each([
    ['all zeros', key(0), /not all zeros/],
    ['31 bytes', Buffer.alloc(31, 7).toString('base64'), /44 characters/],
    ['base64 without its padding', key(1).replace('=', ''), /44 characters/],
    ['URL-safe base64', Buffer.alloc(32, 0xfb).toString('base64url') + '=', /44 characters/],
    ['a stray character', `${key(1).slice(0, 10)}!${key(1).slice(11)}`, /44 characters/],
    ['extra bits in the last character', `${key(1).slice(0, 42)}B=`, /44 characters/],
  ])('refuses a key that is %s', (_, bad, reason) => {
    expect(() => loadTiplineConfig({ ...production, TIP_ENCRYPTION_KEY: bad })).toThrow(reason);
  });

  it.each([
    ['on Netlify', { SITE_ID: '1d01c0c0-4554-4747-93b8-34ce3448ab95' }],
    ['in a Netlify build', { NETLIFY: 'true' }],
    ['with NODE_ENV=production', { NODE_ENV: 'production' }],
  ])('refuses to make up local secrets %s', (_, host) => {
    expect(() => loadTiplineConfig({ DATA_DIR: '/nonexistent/never-written', ...host })).toThrow(/TIPLINE_MODE is not production/);
  });

  it('runs locally under netlify dev or serve', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tipline-config-'));
    expect(loadTiplineConfig({ DATA_DIR: dataDir, NETLIFY: 'true', NETLIFY_DEV: 'true' }).mode).toBe('local');
  });
});

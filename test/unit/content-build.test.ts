import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCopy, copySite } from '../site-copy';

const copies: string[] = [];

/** A copy of the site as a member of staff would have it, with one content file changed and, if given, files added. */
function siteWith(file: string, change: (text: string) => string, added: Record<string, string> = {}): string {
  const dir = copySite('site-');
  copies.push(dir);
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  for (const [path, text] of Object.entries(added)) writeFileSync(join(dir, path), text);
  return dir;
}

async function buildOutput(dir: string): Promise<string> {
  try {
    await buildCopy(dir);
  } catch (error) {
    const { stdout, stderr } = error as { stdout: string; stderr: string };
    // Astro colours its messages when it thinks it writes to a terminal (as under CI=true).
    return (stdout + stderr).replace(/\x1b\[[0-9;]*m/g, '');
  }
  throw new Error('the build succeeded, but it should have failed');
}

/** Builds a copy that should build, and returns its dist/ folder. */
async function build(dir: string): Promise<string> {
  await buildCopy(dir);
  return join(dir, 'dist');
}

afterAll(() => copies.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('a broken content file fails the build with a message staff can act on', () => {
  it('names the file and the missing field', async () => {
    const dir = siteWith('content/pages/en/signs-of-trafficking.mdx', (t) => t.replace(/^title:.*\n/m, ''));
    const output = await buildOutput(dir);
    expect(output).toContain('pages/en/signs-of-trafficking.mdx');
    expect(output).toMatch(/title: Required/);
  });

  it('names the file and the field of a hotline check with no source', async () => {
    const dir = siteWith('content/hotlines/th.yaml', (t) => t.replace(/^ {6}source:.*\n/m, ''));
    const output = await buildOutput(dir);
    expect(output).toContain('hotlines/th.yaml');
    expect(output).toMatch(/emergency\.checks\.0\.source/);
  });

  it('names the file and the field of a material for schools with no age range', async () => {
    const dir = siteWith('content/materials/en/spot-the-fake-job-offer.mdx', (t) => t.replace(/^ageRange:.*\n/m, ''));
    const output = await buildOutput(dir);
    expect(output).toContain('materials/en/spot-the-fake-job-offer.mdx');
    expect(output).toMatch(/ageRange.*needs an age range/);
  });

  it('names the campaign and the material it names that does not exist, and the language it has no text in', async () => {
    const dir = siteWith('content/campaigns/en/know-before-you-go.mdx', (t) =>
      t.replace(/^materials: \[/m, 'materials: [no-such-material, ').replace(/^languages: \[/m, 'languages: [es, '),
    );
    const output = await buildOutput(dir);
    expect(output).toContain('content/campaigns/en/know-before-you-go.mdx: materials: no content/materials/en/no-such-material.mdx');
    expect(output).toContain('content/campaigns/en/know-before-you-go.mdx: languages: es, but there is no content/campaigns/es/know-before-you-go.mdx');
  });

  it('stops a production build while a number has only been read on a web page, not called', async () => {
    const dir = siteWith('content/hotlines/th.yaml', (t) => t);
    process.env.REQUIRE_VERIFIED_HOTLINES = '1';
    try {
      const output = await buildOutput(dir);
      expect(output).toContain('no check by phone (method: called)');
      expect(output).toContain('content/hotlines/th.yaml: emergency number 191');
    } finally {
      delete process.env.REQUIRE_VERIFIED_HOTLINES;
    }
  });
});

// One build of a copy (a whole site takes minutes here) serves both checks: an English text
// changed after its translations were made, and a fixture page that exists only in English.
describe('a copy of the site with a changed English text and a page only in English', () => {
  const untranslated = `---
title: Fixture page only in English
description: A page that exists only in English, to see how other languages serve it.
order: 99
updated: 2026-11-29
---

This fixture page has not been translated.
`;
  let dist: string;
  const html = (path: string) => readFileSync(join(dist, path), 'utf8');

  beforeAll(async () => {
    const dir = siteWith(
      'content/pages/en/signs-of-trafficking.mdx',
      (t) => t.replace('Trafficking is often hidden.', 'Trafficking is often well hidden.'),
      { 'content/pages/en/fixture-only-in-english.mdx': untranslated },
    );
    dist = await build(dir);
  }, 600_000);

  it('says quietly on a translation that the English has changed, and only there', () => {
    const stale = html('fr/signs-of-trafficking/index.html');
    expect(stale).toMatch(/<p class="stale-notice"[^>]*>La version anglaise de cette page a changé/);
    expect(stale).toContain('href="/en/signs-of-trafficking/" hreflang="en"');
    expect(html('fr/how-recruiters-deceive/index.html')).not.toContain('stale-notice');
    expect(html('en/signs-of-trafficking/index.html')).not.toContain('stale-notice');
  });

  it('serves an untranslated page in every language: English text marked English, a notice in the reader\'s language, kept out of that language\'s search', () => {
    const page = html('km/fixture-only-in-english/index.html');
    expect(page).toMatch(/<html lang="km"/);
    expect(page).toMatch(/<p class="notice fallback-notice"[^>]*>ទំព័រនេះមិនទាន់មានជាភាសារបស់អ្នក/);
    expect(page).toMatch(/<article lang="en" dir="ltr"/);
    expect(page).toContain('Fixture page only in English');
    expect(page).not.toContain('data-pagefind-body');
    expect(html('ar/fixture-only-in-english/index.html')).toMatch(/<html lang="ar" dir="rtl"/);
  });
});

describe('our SMS line on the site', () => {
  it('is on Get help and About, with what it keeps and the privacy page, when the build has its number', async () => {
    const dir = siteWith('content/site/publisher.yaml', (t) => t);
    process.env.PUBLIC_TIPLINE_SMS = '+44 7700 900123';
    try {
      const dist = await build(dir);
      const getHelp = readFileSync(join(dist, 'km/get-help/index.html'), 'utf8');
      expect(getHelp).toContain('href="sms:+447700900123"');
      expect(getHelp).toContain('<bdi dir="ltr">+44 7700 900123</bdi>');
      expect(getHelp).toContain('href="/km/cover-your-tracks/"');
      // The word that deletes a conversation is the line's own Khmer keyword.
      expect(getHelp).toContain('ផ្ញើពាក្យ លុប');
      expect(readFileSync(join(dist, 'en/about/index.html'), 'utf8')).toMatch(/runs our SMS line, <bdi dir="ltr">\+44 7700 900123<\/bdi>/);
    } finally {
      delete process.env.PUBLIC_TIPLINE_SMS;
    }
  }, 300_000);
});

describe('the privacy promise, made from the tip line\'s settings at build', () => {
  it('says what the settings make the line do: a shorter retention, a silent line, other teams', async () => {
    const dir = siteWith('config/responders.example.yaml', (t) => t.replace('name: International duty desk', 'name: Night duty desk'));
    const settings = { RETENTION_DAYS: '30', AUTO_REPLY: 'off' };
    Object.assign(process.env, settings);
    let dist: string;
    try {
      dist = await build(dir);
    } finally {
      for (const name of Object.keys(settings)) delete process.env[name];
    }
    const notice = readFileSync(join(dist, 'en/report/index.html'), 'utf8');
    const privacy = readFileSync(join(dist, 'en/privacy/index.html'), 'utf8');
    const km = readFileSync(join(dist, 'km/privacy/index.html'), 'utf8');
    expect(notice).toContain('We keep a report for 30 days after the last message in it');
    expect(notice).toContain('Night duty desk');
    expect(privacy).toContain('The line never sends you a text message, not even an answer');
    expect(privacy).not.toContain('the line answers you at once');
    expect(km).toContain('យើងរក្សាទុករបាយការណ៍ 30 ថ្ងៃ');

    // The site as built with the defaults promises what the defaults do.
    const usual = readFileSync('dist/en/privacy/index.html', 'utf8');
    expect(usual).toContain('We keep a report for 90 days after the last message in it');
    expect(usual).toContain('the line answers you at once');
    expect(usual).toContain('International duty desk');
  }, 300_000);
});

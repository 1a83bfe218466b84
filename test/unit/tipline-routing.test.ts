import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { directorySchema, indexResponders, loadDirectory, routeFor } from '../../functions/_lib/routing/directory';
import { loadTiplineTexts } from '../../functions/_lib/content';
import { triage } from '../../functions/_lib/intake/triage';
import { notificationText } from '../../functions/_lib/routing/notifications';

const directory = loadDirectory('config/responders.example.yaml');
const texts = loadTiplineTexts();

describe('routing rules', () => {
  it('sends an urgent Cambodian tip down the urgent chain, others down the normal one', () => {
    expect(routeFor(directory, { country: 'KH', locale: 'km', urgency: 'urgent' }).route.notify).toEqual(['kh-caseworkers', 'kh-supervisors', 'duty-desk']);
    expect(routeFor(directory, { country: 'KH', locale: 'km', urgency: 'normal' }).route.notify).toEqual(['kh-caseworkers', 'kh-supervisors']);
  });

  it('sends a tip from a country without its own team, or from nowhere known, to the duty desk', () => {
    expect(routeFor(directory, { country: 'FR', locale: 'fr', urgency: 'urgent' }).route.notify).toEqual(['duty-desk']);
    expect(routeFor(directory, { country: null, locale: 'en', urgency: 'normal' }).route.notify).toEqual(['duty-desk']);
  });

  it('rejects a directory that names a missing group or can leave a tip with nobody', () => {
    const result = directorySchema.safeParse({
      groups: [{ id: 'a', name: 'Team A', members: [{ name: 'Ann', phone: '+85523990001' }] }],
      routes: [{ when: { countries: ['KH'] }, notify: ['b'], ackMinutes: 10 }],
    });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      'no group with id "b"',
      'the last route must have `when: {}`, so that every tip reaches someone',
    ]);
  });

  it('says where a broken directory file is wrong without quoting responders\' numbers', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'responders.yaml');
    writeFileSync(file, 'groups:\n  - id: a\n    members:\n      - name: Sok\n        phone: "+85523990001"\n       bad: [\n');
    expect(() => loadDirectory(file)).toThrow(/is not valid YAML at line 6, column 1/);
    expect(() => loadDirectory(file)).not.toThrow(/23990001/);
  });

  it('knows responders by their number only', () => {
    const responders = indexResponders(directory, Buffer.alloc(32, 7));
    expect(responders.byPhone.get('+85523990001')?.name).toBe('Caseworker Sokha');
    expect(responders.byPhone.get('+85512345678')).toBeUndefined();
  });
});

describe('triage', () => {
  it('finds urgency in any language, inside unspaced Khmer and Thai text too', () => {
    expect(triage('I am locked in the room', texts).urgency).toBe('urgent');
    expect(triage('ខ្ញុំត្រូវបានចាក់សោនៅក្នុងផ្ទះ', texts).urgency).toBe('urgent');
    expect(triage('นายจ้างยึดพาสปอร์ตของฉัน', texts).urgency).toBe('urgent');
  });

  it('matches whole words only where words are spaced', () => {
    expect(triage('I know my rights at work', texts).urgency).toBe('normal');
  });

  it('hints at the kind of exploitation', () => {
    expect(triage('my daughter works at the karaoke bar', texts).categories).toEqual(['sexual', 'child']);
  });
});

describe('a notification', () => {
  it('names reference, urgency, country and language, and clips the summary', () => {
    const text = notificationText({ id: '1', ref: 'K7Q2MX', urgency: 'urgent', country: 'KH', locale: 'km', categories: 'labour' }, 'x'.repeat(200));
    expect(text).toMatch(/^New tip K7Q2MX · URGENT \(labour\) · KH · km: "x{89}…" Reply ACK K7Q2MX/);
  });

  it('shows the summary without control or bidi-override characters', () => {
    const text = notificationText({ id: '1', ref: 'K7Q2MX', urgency: 'normal', country: 'TH', locale: 'th', categories: '' }, 'pay\u0000 me\u202e ACK\u202c\u2067 now\u2069');
    expect(text).toContain(': "pay me ACK now" Reply');
  });
});

import { randomUUID } from 'node:crypto';
import type { Locale } from '../../../../src/i18n/locales.ts';
import { localizedPath } from '../../../../src/i18n/urls.ts';
import { fill } from '../../../../src/i18n/fill.ts';
import { loadUiStrings, translatorFor, type UiStringsByLocale } from '../../content.ts';
import { receiptPseudonym, unseal, type Keyring } from '../../crypto.ts';
import type { InboundMessage, IntakeResult } from '../../intake/message.ts';
import type { Db } from '../../store/schema.ts';
import { messageBodyAt } from '../../store/sealed.ts';
import { eraseWebReport, findReceipt, insertReceipt, recordFailure, recordSuccess, threadOf, type StoredReceipt } from '../../store/web-reports.ts';
import type { FormParams } from '../request.ts';
import { page, pageWithForm } from './page.ts';
import { addFormSchema, deleteFormSchema, formLocale, openFormSchema, problemsIn, reportFormSchema, type ReportForm } from './parse.ts';
import { withinLimit } from './rate-limit.ts';
import { hashSecret, newReceipt, secretMatches } from './receipt.ts';
import { countryOptions, messageView, openForm, receiptView, reportForm, threadView, type Problem, type ReportValues, type Translate } from './views.ts';

/** What the web channel needs of the tip line: its store, keys, limits and intake. */
export interface WebLine {
  db: Db;
  sealing: Keyring;
  pseudonymKey: Buffer;
  hotlines: Map<string, unknown>;
  config: { web: { reportsPerHour: number; receiptTriesPerHour: number } };
  intake: (message: InboundMessage) => Promise<IntakeResult>;
}

/** Who sent a request, as far as the channel may know: an address, only ever used hashed. */
export interface Client {
  address?: string;
}

let strings: UiStringsByLocale | undefined;
function translator(locale: Locale): Translate {
  strings ??= loadUiStrings();
  return translatorFor(strings, locale);
}

/** Wrong secrets allowed in a row before the next try must wait; the wait then doubles, to an hour. */
const FREE_TRIES = 3;
const MAX_WAIT_MINUTES = 60;
const waitAfter = (failures: number) => (failures < FREE_TRIES ? 0 : Math.min(2 ** (failures - FREE_TRIES), MAX_WAIT_MINUTES));

const reportPath = (locale: Locale) => localizedPath(locale, 'report');
const openPath = (locale: Locale) => localizedPath(locale, 'report/open');

/**
 * The report as responders read it and the reporter sees it again: their words first (the
 * notification's summary), then each answer they gave, under the form's own questions.
 */
function reportText(form: ReportForm, t: Translate, locale: Locale): string {
  const country = form.country ? countryOptions([form.country], locale)[0].name : '';
  const where = [form.where, country].filter(Boolean).join(', ');
  const danger = form.danger && t(({ yes: 'report.dangerYes', no: 'report.dangerNo', unsure: 'report.dangerUnsure' } as const)[form.danger]);
  const answers: [string, string | undefined][] = [
    [t('report.where'), where],
    [t('report.when'), form.when],
    [t('report.danger'), danger],
    [t('report.contact'), form.contact],
  ];
  return [form.what, ...answers.filter(([, answer]) => answer).map(([question, answer]) => `${question} ${answer}`)].join('\n');
}

function formPage(line: WebLine, locale: Locale, status: number, values: ReportValues, problems: Problem[], headers?: Record<string, string>): Response {
  const t = translator(locale);
  const countries = countryOptions([...line.hotlines.keys()], locale);
  return pageWithForm(locale, 'report', { status, headers, titlePrefix: t('form.error'), form: reportForm({ t, locale, countries, values, problems }) });
}

/** POST /api/tips: a new report. Its reporter gets a receipt, once. */
export async function submitReport(line: WebLine, params: FormParams, client: Client, now = new Date()): Promise<Response> {
  const locale = formLocale(params);
  const t = translator(locale);
  const values: ReportValues = params;
  if (!(await withinLimit(line.db, line.pseudonymKey, { address: client.address, purpose: 'report', perHour: line.config.web.reportsPerHour, now }))) {
    return formPage(line, locale, 429, values, [{ message: t('error.busy') }], { 'Retry-After': '3600' });
  }
  const parsed = reportFormSchema.safeParse(params);
  if (!parsed.success) return formPage(line, locale, 400, values, problemsIn(parsed.error, t));

  const form = parsed.data;
  let receipt = newReceipt();
  const secretHash = await hashSecret(receipt.secret);
  // A lookup id already taken (one chance in billions) is drawn again.
  while (!(await insertReceipt(line.db, { lookup: receipt.lookup, reporterPseudonym: receiptPseudonym(receipt.lookup, line.pseudonymKey), secretHash }))) {
    receipt = { ...newReceipt(), secret: receipt.secret };
  }
  try {
    await line.intake({
      channel: 'web', id: `web-${randomUUID()}`, from: receipt.lookup, body: reportText(form, t, locale),
      country: form.country, locale, urgent: form.danger === 'yes',
    });
  } catch (error) {
    // Nothing of the report was stored (its receipt is removed later as an orphan). The reporter
    // keeps what they wrote and can send it again. The log names the kind of failure only.
    console.error(`Web report intake failed: ${(error as Error).name}`);
    return formPage(line, locale, 503, values, [{ message: t('error.failed') }], { 'Retry-After': '60' });
  }
  return page(locale, { status: 200, title: t('receipt.title'), main: receiptView({ t, locale, receipt, openPath: openPath(locale) }) });
}

// A hash to check against when no receipt has the lookup id typed: the answer then takes as long
// as for a wrong secret, so the time taken does not tell which lookup ids exist.
let decoyHash: Promise<string> | undefined;

type Unlocked = { receipt: StoredReceipt } | { problem: Problem; status: number; headers?: Record<string, string> };

/** Opens a report with its receipt, counting the try and slowing down wrong secrets. */
async function unlock(line: WebLine, t: Translate, client: Client, lookup: string, secret: string, now: Date): Promise<Unlocked> {
  if (!(await withinLimit(line.db, line.pseudonymKey, { address: client.address, purpose: 'receipt', perHour: line.config.web.receiptTriesPerHour, now }))) {
    return { status: 429, problem: { message: t('error.busy') }, headers: { 'Retry-After': '3600' } };
  }
  const receipt = await findReceipt(line.db, lookup);
  if (receipt?.retryAfter && receipt.retryAfter > now) {
    const minutes = Math.ceil((receipt.retryAfter.getTime() - now.getTime()) / 60_000);
    return { status: 429, problem: { message: fill(t('error.wait'), { minutes }) }, headers: { 'Retry-After': String(minutes * 60) } };
  }
  decoyHash ??= hashSecret(newReceipt().secret);
  const matches = await secretMatches(secret, receipt?.secretHash ?? (await decoyHash));
  if (!receipt || !matches) {
    if (receipt) {
      const wait = waitAfter(receipt.failures + 1);
      await recordFailure(line.db, receipt.lookup, wait ? new Date(now.getTime() + wait * 60_000) : null);
    }
    return { status: 403, problem: { message: t('error.receipt') } };
  }
  await recordSuccess(line.db, receipt.lookup);
  return { receipt };
}

function openFormPage(locale: Locale, status: number, problems: Problem[], lookup?: string, headers?: Record<string, string>): Response {
  const t = translator(locale);
  return pageWithForm(locale, 'report/open', { status, headers, titlePrefix: t('form.error'), form: openForm({ t, locale, problems, lookup }) });
}

async function threadPage(line: WebLine, locale: Locale, receipt: StoredReceipt, secret: string, options: { status?: number; notice?: string; problems?: Problem[]; more?: string } = {}): Promise<Response> {
  const t = translator(locale);
  const entries = (await threadOf(line.db, receipt.reporterPseudonym)).map((m) => ({
    from: m.direction === 'in' ? ('reporter' as const) : ('responder' as const),
    body: unseal(m.bodySealed, line.sealing, messageBodyAt(m.id)),
    at: m.createdAt,
  }));
  return page(locale, {
    status: options.status ?? 200,
    title: t('thread.title'),
    main: threadView({ t, locale, lookup: receipt.lookup, secret, entries, notice: options.notice, problems: options.problems, more: options.more }),
  });
}

/** POST /api/tips/open: a reporter comes back with their receipt, to read the answers. */
export async function openReport(line: WebLine, params: FormParams, client: Client, now = new Date()): Promise<Response> {
  const locale = formLocale(params);
  const t = translator(locale);
  const parsed = openFormSchema.safeParse(params);
  if (!parsed.success) return openFormPage(locale, 400, problemsIn(parsed.error, t), params.lookup);
  const unlocked = await unlock(line, t, client, parsed.data.lookup, parsed.data.secret, now);
  if (!('receipt' in unlocked)) return openFormPage(locale, unlocked.status, [unlocked.problem], params.lookup, unlocked.headers);
  return threadPage(line, locale, unlocked.receipt, parsed.data.secret);
}

/** POST /api/tips/add: more information on a report, which reaches its responders as SMS follow-ups do. */
export async function addToReport(line: WebLine, params: FormParams, client: Client, now = new Date()): Promise<Response> {
  const locale = formLocale(params);
  const t = translator(locale);
  const parsed = addFormSchema.safeParse(params);
  const receiptOnly = openFormSchema.safeParse(params);
  if (!receiptOnly.success) return openFormPage(locale, 400, problemsIn(receiptOnly.error, t), params.lookup);
  const unlocked = await unlock(line, t, client, receiptOnly.data.lookup, receiptOnly.data.secret, now);
  if (!('receipt' in unlocked)) return openFormPage(locale, unlocked.status, [unlocked.problem], params.lookup, unlocked.headers);
  const { receipt } = unlocked;
  if (!parsed.success) return threadPage(line, locale, receipt, receiptOnly.data.secret, { status: 400, problems: problemsIn(parsed.error, t), more: params.more });
  if (!(await withinLimit(line.db, line.pseudonymKey, { address: client.address, purpose: 'report', perHour: line.config.web.reportsPerHour, now }))) {
    return threadPage(line, locale, receipt, parsed.data.secret, { status: 429, problems: [{ message: t('error.busy') }], more: params.more });
  }
  try {
    await line.intake({ channel: 'web', id: `web-${randomUUID()}`, from: receipt.lookup, body: parsed.data.more, locale });
  } catch (error) {
    console.error(`Web report intake failed: ${(error as Error).name}`);
    return threadPage(line, locale, receipt, parsed.data.secret, { status: 503, problems: [{ message: t('error.failed') }], more: params.more });
  }
  return threadPage(line, locale, receipt, parsed.data.secret, { notice: t('thread.added') });
}

/** POST /api/tips/delete: the reporter erases their report, its answers and its receipt. */
export async function deleteReport(line: WebLine, params: FormParams, client: Client, now = new Date()): Promise<Response> {
  const locale = formLocale(params);
  const t = translator(locale);
  const receiptOnly = openFormSchema.safeParse(params);
  if (!receiptOnly.success) return openFormPage(locale, 400, problemsIn(receiptOnly.error, t), params.lookup);
  const unlocked = await unlock(line, t, client, receiptOnly.data.lookup, receiptOnly.data.secret, now);
  if (!('receipt' in unlocked)) return openFormPage(locale, unlocked.status, [unlocked.problem], params.lookup, unlocked.headers);
  const parsed = deleteFormSchema.safeParse(params);
  if (!parsed.success) return threadPage(line, locale, unlocked.receipt, receiptOnly.data.secret, { status: 400, problems: problemsIn(parsed.error, t) });
  await eraseWebReport(line.db, line.sealing, unlocked.receipt);
  return page(locale, {
    status: 200,
    title: t('thread.deleted'),
    main: messageView({ title: t('thread.deleted'), message: t('thread.deletedHint'), link: { href: reportPath(locale), text: t('report.title') } }),
  });
}

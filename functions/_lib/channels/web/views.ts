import { html, raw } from 'hono/html';
import type { Locale } from '../../../../src/i18n/locales.ts';
import type { UiKey } from '../../../../src/schemas/ui.ts';
import { formatLookup, formatSecret, type Receipt } from './receipt.ts';

/**
 * The web report's pages, as HTML: the report form, the receipt, a report with its answers. The
 * static pages (src/pages/[lang]/report/) print the empty forms with these functions at build, and
 * the function prints the same forms with a reporter's values and errors, so both always agree.
 * Every value is escaped; nothing here runs script, and every form works without JavaScript.
 */
export type Html = ReturnType<typeof raw>;
export type Translate = (key: UiKey) => string;

/** The fields of the report form, as the reporter typed them. */
export interface ReportValues {
  what?: string;
  where?: string;
  country?: string;
  when?: string;
  danger?: string;
  contact?: string;
  website?: string;
}
export type ReportField = keyof ReportValues;

/** The longest text each field takes, in characters (the form says so with maxlength, the function checks). */
export const maxLength = { what: 4000, where: 300, when: 200, contact: 500, more: 4000 } as const;

/** A problem with one field, or with the whole form (field: undefined), as the reader sees it. */
export interface Problem {
  field?: ReportField | 'lookup' | 'secret' | 'more' | 'confirm';
  message: string;
}

export interface Country {
  code: string;
  name: string;
}

/** Countries by name, in the order a reader of this language expects. */
export function countryOptions(codes: string[], locale: Locale): Country[] {
  const names = new Intl.DisplayNames([locale], { type: 'region' });
  const collator = new Intl.Collator(locale);
  return codes.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) => collator.compare(a.name, b.name));
}

/** The list of problems at the top of a form, each a link to its field (or plain for the form). */
export function problemSummary(t: Translate, problems: Problem[]): Html | '' {
  if (!problems.length) return '';
  return html`<div class="error-summary" role="alert" aria-labelledby="error-summary-title">
  <h2 id="error-summary-title">${t('form.problems')}</h2>
  <ul>${problems.map((p) => html`<li>${p.field ? html`<a href="#${p.field}">${p.message}</a>` : p.message}</li>`)}</ul>
</div>` as Html;
}

function fieldError(problems: Problem[], field: Problem['field']): { id?: string; message?: string } {
  const problem = problems.find((p) => p.field === field);
  return problem ? { id: `${field}-error`, message: problem.message } : {};
}

const describedBy = (...ids: (string | undefined)[]) => ids.filter(Boolean).join(' ') || undefined;

/** One labelled text field with its hint and, after a failed try, its error. */
function textField(options: {
  t: Translate; problems: Problem[]; name: ReportField | 'more'; label: string; hint?: string; value?: string;
  optional?: boolean; multiline?: number; maxlength: number; required?: boolean;
}): Html {
  const { t, name, value, maxlength } = options;
  const error = fieldError(options.problems, name);
  const hintId = options.hint ? `${name}-hint` : undefined;
  const described = describedBy(hintId, error.id);
  const optional = options.optional ? html` <span class="optional">${t('form.optional')}</span>` : '';
  const control = options.multiline
    ? html`<textarea id="${name}" name="${name}" rows="${options.multiline}" maxlength="${maxlength}" dir="auto"${options.required ? raw(' required') : ''}${described ? html` aria-describedby="${described}"` : ''}${error.id ? raw(' aria-invalid="true"') : ''}>${value ?? ''}</textarea>`
    : html`<input id="${name}" name="${name}" type="text" maxlength="${maxlength}" dir="auto" value="${value ?? ''}"${described ? html` aria-describedby="${described}"` : ''}${error.id ? raw(' aria-invalid="true"') : ''} />`;
  return html`<div class="field${error.id ? ' field--error' : ''}">
  <label for="${name}">${options.label}${optional}</label>
  ${options.hint ? html`<p class="hint" id="${hintId}">${options.hint}</p>` : ''}
  ${error.message ? html`<p class="field-error" id="${error.id}">${error.message}</p>` : ''}
  ${control}
</div>` as Html;
}

/**
 * The report form. `countries` are offered in a list, `values` fill it again after a failed try.
 * The field named "website" is a trap for programs that fill every field: people never see it (it
 * is off screen, out of the tab order and hidden from screen readers), unless it was filled, when
 * it is shown so that a person can empty it.
 */
export function reportForm(options: {
  t: Translate; locale: Locale; countries: Country[]; values?: ReportValues; problems?: Problem[]; action?: string;
}): Html {
  const { t, locale, countries } = options;
  const values = options.values ?? {};
  const problems = options.problems ?? [];
  const trapShown = Boolean(values.website);
  const danger = (value: string, key: UiKey) =>
    html`<label class="choice"><input type="radio" name="danger" value="${value}"${values.danger === value ? raw(' checked') : ''} /> ${t(key)}</label>`;
  return html`<form class="report-form" method="post" action="${options.action ?? '/api/tips'}">
  ${problemSummary(t, problems)}
  <input type="hidden" name="lang" value="${locale}" />
  ${textField({ t, problems, name: 'what', label: t('report.what'), hint: t('report.whatHint'), value: values.what, multiline: 8, maxlength: maxLength.what, required: true })}
  ${textField({ t, problems, name: 'where', label: t('report.where'), hint: t('report.whereHint'), value: values.where, optional: true, maxlength: maxLength.where })}
  <div class="field">
    <label for="country">${t('report.country')} <span class="optional">${t('form.optional')}</span></label>
    <select id="country" name="country">
      <option value="">${t('report.countryUnknown')}</option>
      ${countries.map((c) => html`<option value="${c.code}"${values.country === c.code ? raw(' selected') : ''}>${c.name}</option>`)}
    </select>
  </div>
  ${textField({ t, problems, name: 'when', label: t('report.when'), hint: t('report.whenHint'), value: values.when, optional: true, maxlength: maxLength.when })}
  <fieldset class="field">
    <legend>${t('report.danger')}</legend>
    ${danger('yes', 'report.dangerYes')}
    ${danger('no', 'report.dangerNo')}
    ${danger('unsure', 'report.dangerUnsure')}
  </fieldset>
  ${textField({ t, problems, name: 'contact', label: t('report.contact'), hint: t('report.contactHint'), value: values.contact, optional: true, multiline: 3, maxlength: maxLength.contact })}
  <div class="${trapShown ? 'field trap trap--shown' : 'trap'}"${trapShown ? '' : raw(' aria-hidden="true"')}>
    <label for="website">${t('report.trap')}</label>
    <input id="website" name="website" type="text" value="${values.website ?? ''}" autocomplete="off"${trapShown ? '' : raw(' tabindex="-1"')} />
  </div>
  <p>${t('report.after')}</p>
  <button type="submit">${t('report.send')}</button>
</form>` as Html;
}

/** The form that opens a report with its receipt (lookup id and secret). */
export function openForm(options: { t: Translate; locale: Locale; problems?: Problem[]; lookup?: string }): Html {
  const { t, locale } = options;
  const problems = options.problems ?? [];
  const lookupError = fieldError(problems, 'lookup');
  const secretError = fieldError(problems, 'secret');
  return html`<form class="report-form" method="post" action="/api/tips/open">
  ${problemSummary(t, problems)}
  <input type="hidden" name="lang" value="${locale}" />
  <div class="field${lookupError.id ? ' field--error' : ''}">
    <label for="lookup">${t('receipt.lookup')}</label>
    ${lookupError.message ? html`<p class="field-error" id="${lookupError.id}">${lookupError.message}</p>` : ''}
    <input id="lookup" name="lookup" type="text" class="code" dir="ltr" autocomplete="off" autocapitalize="characters" spellcheck="false" required
      value="${options.lookup ?? ''}"${lookupError.id ? html` aria-describedby="${lookupError.id}" aria-invalid="true"` : ''} />
  </div>
  <div class="field${secretError.id ? ' field--error' : ''}">
    <label for="secret">${t('receipt.secret')}</label>
    ${secretError.message ? html`<p class="field-error" id="${secretError.id}">${secretError.message}</p>` : ''}
    <input id="secret" name="secret" type="password" class="code" dir="ltr" inputmode="numeric" autocomplete="off" required${secretError.id ? html` aria-describedby="${secretError.id}" aria-invalid="true"` : ''} />
  </div>
  <button type="submit">${t('open.submit')}</button>
</form>` as Html;
}

/** The page after a report is sent: its receipt, shown this once. */
export function receiptView(options: { t: Translate; locale: Locale; receipt: Receipt; openPath: string }): Html {
  const { t, receipt } = options;
  return html`<h1>${t('receipt.title')}</h1>
<p>${t('receipt.intro')}</p>
<section class="receipt" aria-labelledby="receipt-heading">
  <h2 id="receipt-heading">${t('receipt.heading')}</h2>
  <dl>
    <dt>${t('receipt.lookup')}</dt>
    <dd><bdi dir="ltr" class="code" data-receipt="lookup">${formatLookup(receipt.lookup)}</bdi></dd>
    <dt>${t('receipt.secret')}</dt>
    <dd><bdi dir="ltr" class="code" data-receipt="secret">${formatSecret(receipt.secret)}</bdi></dd>
  </dl>
  <p><strong>${t('receipt.keep')}</strong></p>
</section>
<p>${t('receipt.comeBack')} <a href="${options.openPath}">${t('open.title')}</a></p>` as Html;
}

export interface ThreadEntry {
  from: 'reporter' | 'responder';
  body: string;
  at: Date;
}

/** A report opened with its receipt: what was written, the answers, and the forms to add or delete. */
export function threadView(options: {
  t: Translate; locale: Locale; lookup: string; secret: string; entries: ThreadEntry[]; notice?: string; problems?: Problem[];
  more?: string;
}): Html {
  const { t, locale, lookup, secret, entries } = options;
  const problems = options.problems ?? [];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  const answered = entries.some((e) => e.from === 'responder');
  // The receipt travels in the page (never in a URL) so that adding or deleting needs no retyping.
  const receiptFields = html`<input type="hidden" name="lang" value="${locale}" />
    <input type="hidden" name="lookup" value="${lookup}" />
    <input type="hidden" name="secret" value="${secret}" />`;
  const confirmError = fieldError(problems, 'confirm');
  return html`<h1>${t('thread.title')} <bdi dir="ltr" class="code">${formatLookup(lookup)}</bdi></h1>
${options.notice ? html`<p class="notice" role="status">${options.notice}</p>` : ''}
${problemSummary(t, problems)}
<ol class="thread">
  ${entries.map((e) => html`<li class="thread__entry thread__entry--${e.from}">
    <p class="thread__who">${t(e.from === 'reporter' ? 'thread.you' : 'thread.responder')} · <time datetime="${e.at.toISOString()}">${date.format(e.at)}</time></p>
    <p class="thread__body" dir="auto">${e.body}</p>
  </li>`)}
</ol>
${answered ? '' : html`<p>${t('thread.none')}</p>`}
<form class="report-form" method="post" action="/api/tips/add">
  ${receiptFields}
  ${textField({ t, problems, name: 'more', label: t('thread.add'), hint: t('thread.addHint'), value: options.more, multiline: 5, maxlength: maxLength.more, required: true })}
  <button type="submit">${t('thread.send')}</button>
</form>
<form class="report-form delete-form" method="post" action="/api/tips/delete">
  <h2>${t('thread.deleteTitle')}</h2>
  <p id="confirm-hint">${t('thread.deleteHint')}</p>
  ${receiptFields}
  ${confirmError.message ? html`<p class="field-error" id="${confirmError.id}">${confirmError.message}</p>` : ''}
  <label class="choice"><input type="checkbox" id="confirm" name="confirm" value="yes" required aria-describedby="${describedBy('confirm-hint', confirmError.id)}" /> ${t('thread.deleteConfirm')}</label>
  <button type="submit" class="button--danger">${t('thread.delete')}</button>
</form>` as Html;
}

/** A short page of one message (the report deleted, too many tries, a failure), with a way on. */
export function messageView(options: { title: string; message: string; link?: { href: string; text: string } }): Html {
  return html`<h1>${options.title}</h1>
<p>${options.message}</p>
${options.link ? html`<p><a href="${options.link.href}">${options.link.text}</a></p>` : ''}` as Html;
}

import { Component, createElement as h, type ReactNode } from 'react';
import type { Map as ImmutableMap } from 'immutable';
import { defaultLocale, localeCodes, localeInfo, type Locale } from '../i18n/locales';
import { localizedCollections, sourceFingerprint, translatedFields, translationState, type LocalizedCollection } from '../i18n/fingerprint';
import { stateLabels, type State } from './translation-report';

/**
 * The editor's `translatedFrom` field (widget `translation-status`). In the English column it shows
 * where each language stands against the English being edited; in a translation's column, where
 * that translation stands, and a "Mark as current" button that records the English as it is now
 * (its fingerprint, src/i18n/fingerprint.ts), as `npm run translations -- --mark` does.
 */

interface Props {
  value?: string;
  onChange: (value: string) => void;
  forID: string;
  classNameWrapper: string;
  /** The column's language; Decap gives every column of an i18n entry its own. */
  locale?: string;
  collection: ImmutableMap<string, unknown>;
  /** The entry being edited, as it is now (Decap re-renders a widget only when its own value changes). */
  getEntry: () => ImmutableMap<string, unknown>;
}

interface Status {
  /** The fingerprint of the English as it is in the editor. */
  english: string;
  states: Partial<Record<Locale, State>>;
}

const explanations: Record<State, string> = {
  current: 'This translation was made from the English as it is now.',
  stale: 'The English has changed since this translation was made. Check the translation against the English, then mark it as current.',
  unstamped: 'This translation does not say which English it was made from. Check it against the English, then mark it as current.',
  missing: 'Nobody has written this translation yet.',
};

/** How often the English is read again while the editor is open: a fingerprint takes well under a millisecond. */
const REFRESH_MS = 1000;

const isFingerprinted = (name: unknown): name is LocalizedCollection => (localizedCollections as unknown[]).includes(name);

/** Where each translation in the entry stands against its English, as the editor holds them now. */
async function statusOf(collection: LocalizedCollection, entry: ImmutableMap<string, unknown>): Promise<Status> {
  const { body = '', ...fields } = (entry.get('data') as ImmutableMap<string, unknown>).toJS() as Record<string, unknown>;
  const english = await sourceFingerprint(collection, fields, String(body));
  const states: Status['states'] = {};
  for (const locale of localeCodes.filter((l) => l !== defaultLocale)) {
    const data = ((entry.getIn(['i18n', locale, 'data']) as ImmutableMap<string, unknown> | undefined)?.toJS() ?? {}) as Record<string, unknown>;
    const written = data.body || translatedFields[collection].some((name) => data[name] !== undefined && data[name] !== '');
    states[locale] = written ? translationState(data.translatedFrom as string | undefined, english) : 'missing';
  }
  return { english, states };
}

export class TranslationStatusControl extends Component<Props, { status?: Status }> {
  state: { status?: Status } = {};
  private timer?: ReturnType<typeof setInterval>;

  componentDidMount() {
    void this.refresh();
    this.timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  componentWillUnmount() {
    clearInterval(this.timer);
  }

  private async refresh() {
    const collection = this.props.collection.get('name');
    if (!isFingerprinted(collection)) return;
    const status = await statusOf(collection, this.props.getEntry());
    if (JSON.stringify(status) !== JSON.stringify(this.state.status)) this.setState({ status });
  }

  private markCurrent = () => {
    if (this.state.status) this.props.onChange(this.state.status.english);
  };

  render(): ReactNode {
    const { status } = this.state;
    const { forID, classNameWrapper, locale = defaultLocale } = this.props;
    if (!status) return h('div', { id: forID, className: classNameWrapper }, 'Reading the translations…');
    if (locale === defaultLocale) {
      const rows = (Object.entries(status.states) as [Locale, State][]).map(([code, state]) =>
        h('li', { key: code, 'data-locale': code }, `${localeInfo(code).name} (${code}): `, h('strong', { className: `translation-${state}` }, stateLabels[state])),
      );
      return h(
        'div',
        { id: forID, className: classNameWrapper },
        h('p', null, 'Each translation against the English in this editor:'),
        h('ul', { className: 'translation-states' }, rows),
        h('p', null, h('a', { href: '/admin/translations/', target: '_blank' }, 'All translations of every page, material and campaign')),
      );
    }
    // The column's own stamp is its field's value, which is live; the other columns' come from the entry.
    const written = status.states[locale as Locale] !== 'missing' || this.props.value;
    const state: State = written ? translationState(this.props.value, status.english) : 'missing';
    return h(
      'div',
      { id: forID, className: classNameWrapper },
      h('p', null, h('strong', { className: `translation-${state}` }, stateLabels[state]), '. ', explanations[state]),
      (state === 'stale' || state === 'unstamped') && h('button', { type: 'button', onClick: this.markCurrent }, 'Mark as current'),
    );
  }
}

import type { BlockEditorComponentOptions, CmsField } from 'decap-cms-core';

/**
 * The site's MDX components (src/components/mdx/) as CMS editor components: staff pick a box, the
 * steps of a session or a handout from the editor's + menu and fill in a form, and the editor writes
 * the MDX exactly as the files already have it (blank lines inside, so the text between the tags
 * stays Markdown). Each pattern reads what its `toBlock` writes, so a body survives being opened
 * and saved (test/unit/cms-editor-components.test.ts, test/e2e/cms.spec.ts).
 *
 * `<Term word="…">…</Term>` sits inside a sentence, and the CMS's components are whole blocks, so
 * staff keep typing it; the editor leaves it as it is.
 */

/** Decap's own type lists too few field options for what its widgets take (hint, options…). */
export type Component = Omit<BlockEditorComponentOptions, 'fields'> & { fields: CmsField[] };

const attribute = (value: string) => value.replace(/"/g, '&quot;');
const unattribute = (value: string) => value.replace(/&quot;/g, '"');

/** A component that wraps Markdown, `<Name>` + blank line + text + blank line + `</Name>`. */
function wrapper(id: string, label: string, hint: string): Component {
  return {
    id,
    label,
    fields: [{ name: 'body', label: 'Text', widget: 'markdown', hint }],
    pattern: new RegExp(`^<${id}>\\n\\n([\\s\\S]*?)\\n\\n</${id}>`),
    fromBlock: (match) => ({ body: match[1] }),
    toBlock: ({ body }) => `<${id}>\n\n${(body ?? '').trim()}\n\n</${id}>`,
    toPreview: ({ body }) => `<div class="${id === 'Questions' ? 'questions' : 'signs-checklist'}">${body ?? ''}</div>`,
  };
}

const callout: Component = {
  id: 'Callout',
  label: 'Box (warning, tip or note)',
  fields: [
    { name: 'type', label: 'Kind', widget: 'select', options: ['warning', 'tip', 'note'], default: 'note' },
    { name: 'body', label: 'Text', widget: 'markdown' },
  ],
  pattern: /^<Callout type="(warning|tip|note)">\n\n([\s\S]*?)\n\n<\/Callout>/,
  fromBlock: (match) => ({ type: match[1], body: match[2] }),
  toBlock: ({ type, body }) => `<Callout type="${type ?? 'note'}">\n\n${(body ?? '').trim()}\n\n</Callout>`,
  toPreview: ({ type, body }) => `<aside class="callout callout--${type}">${body ?? ''}</aside>`,
};

const stepPattern = /<Step title="([^"]*)" minutes="([^"]*)">\n\n([\s\S]*?)\n\n<\/Step>/g;

const steps: Component = {
  id: 'Steps',
  label: 'Steps of a session',
  fields: [
    {
      name: 'steps',
      label: 'Steps',
      label_singular: 'Step',
      widget: 'list',
      fields: [
        { name: 'title', label: 'Title', widget: 'string' },
        { name: 'minutes', label: 'Minutes', widget: 'number', value_type: 'int', min: 1 },
        { name: 'body', label: 'What to do', widget: 'markdown' },
      ],
    },
  ],
  pattern: /^<Steps>\n\n([\s\S]*?<\/Step>)\n\n<\/Steps>/,
  fromBlock: (match) => ({
    steps: [...match[1].matchAll(stepPattern)].map(([, title, minutes, body]) => ({ title: unattribute(title), minutes: Number(minutes), body })),
  }),
  toBlock: ({ steps: list }) => {
    const items = (list ?? []) as { title?: string; minutes?: number; body?: string }[];
    const blocks = items.map((s) => `<Step title="${attribute(s.title ?? '')}" minutes="${s.minutes ?? ''}">\n\n${(s.body ?? '').trim()}\n\n</Step>`);
    return `<Steps>\n\n${blocks.join('\n\n')}\n\n</Steps>`;
  },
  toPreview: ({ steps: list }) =>
    `<ol class="steps">${((list ?? []) as { title?: string; minutes?: number }[]).map((s) => `<li class="step"><strong>${s.title ?? ''}</strong> (${s.minutes ?? ''} min)</li>`).join('')}</ol>`,
};

const handout: Component = {
  id: 'Handout',
  label: 'Handout (printed for participants)',
  fields: [
    { name: 'title', label: 'Title', widget: 'string' },
    { name: 'body', label: 'Text', widget: 'markdown' },
  ],
  pattern: /^<Handout title="([^"]*)">\n\n([\s\S]*?)\n\n<\/Handout>/,
  fromBlock: (match) => ({ title: unattribute(match[1]), body: match[2] }),
  toBlock: ({ title, body }) => `<Handout title="${attribute(title ?? '')}">\n\n${(body ?? '').trim()}\n\n</Handout>`,
  toPreview: ({ title, body }) => `<section class="handout"><p class="box-title">${title ?? ''}</p>${body ?? ''}</section>`,
};

const getHelpBox: Component = {
  id: 'GetHelpBox',
  label: 'Get-help box (hotline numbers)',
  fields: [
    {
      name: 'country',
      label: 'Country',
      widget: 'string',
      required: false,
      hint: 'Two capital letters, e.g. KH. Leave empty for the reader’s language’s country.',
      pattern: ['^([A-Z]{2})?$', 'two capital letters such as KH, or nothing'],
    },
  ],
  pattern: /^<GetHelpBox(?: country="([A-Z]{2})")? \/>/,
  fromBlock: (match) => ({ country: match[1] ?? '' }),
  toBlock: ({ country }) => (country ? `<GetHelpBox country="${country}" />` : '<GetHelpBox />'),
  toPreview: ({ country }) => `<aside class="get-help-box"><p class="box-title">Get help${country ? `: ${country}` : ''}</p></aside>`,
};

export const editorComponents: Component[] = [
  callout,
  steps,
  wrapper('Questions', 'Discussion questions', 'A list of questions, one per line starting with "- ".'),
  wrapper('SignsChecklist', 'Signs checklist', 'A list of signs, one per line starting with "- ".'),
  handout,
  getHelpBox,
];

/** What a body field offers in its + menu: our components only (no image or code block). */
export const mdxComponentNames = editorComponents.map((c) => c.id);

import { parse, stringify } from 'yaml';

/**
 * How the CMS reads and writes translated files: content/<collection>/<locale>/<slug>.mdx (YAML
 * frontmatter, then the MDX body) or .yaml (posters). They replace Decap's own formats for one
 * reason: Decap writes a file for every locale that has any data, and the fields translations share
 * (copied from English) give every locale some. Such a file, with no text of its own, would be an
 * empty translation that breaks the build; `toFile` renders it as nothing, and our backends
 * (src/cms/backends.ts) write no file for it.
 */

/** What a locale holds when nobody wrote in it: no identifying text (title, headline) and no body. */
const isUntranslated = (fields: Record<string, unknown>, identifierField: string, body = '') => !body && !fields[identifierField];

const present = (fields: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));

/**
 * A file of settings or texts with no translations folder (content/site/publisher.yaml,
 * content/ui/<locale>.json, content/tipline/<locale>.json). A box staff empty is left out of the
 * file instead of written as "": a UI string left out falls back to English, an optional setting
 * is unset, where "" would break the build.
 */
export const yamlFile = {
  fromFile: (content: string) => (parse(content) ?? {}) as Record<string, unknown>,
  toFile: (data: Record<string, unknown>) => stringify(present(data), { lineWidth: 0 }),
};

export const jsonFile = {
  fromFile: (content: string) => JSON.parse(content) as Record<string, unknown>,
  toFile: (data: Record<string, unknown>) => `${JSON.stringify(present(data), null, 2)}\n`,
};

export function yamlFormat(identifierField: string) {
  return {
    fromFile: (content: string) => (parse(content) ?? {}) as Record<string, unknown>,
    toFile: (data: Record<string, unknown>) => (isUntranslated(data, identifierField) ? '' : stringify(present(data), { lineWidth: 0 })),
  };
}

export function mdxFormat(identifierField: string) {
  return {
    fromFile(content: string): Record<string, unknown> {
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(content);
      if (!match) return { body: content };
      return { ...(parse(match[1]) as Record<string, unknown>), body: match[2].replace(/^\r?\n/, '') };
    },
    toFile(data: Record<string, unknown>): string {
      const { body, ...fields } = data;
      const text = typeof body === 'string' ? body.trim() : '';
      if (isUntranslated(fields, identifierField, text)) return '';
      return `---\n${stringify(present(fields), { lineWidth: 0 })}---\n\n${text}\n`;
    },
  };
}

/** Registered under these names in src/cms/main.ts, with their file extension. */
export const fileFormats = {
  'yaml-file': { extension: 'yaml', format: yamlFile },
  'json-file': { extension: 'json', format: jsonFile },
} as const;

export type FileFormatName = keyof typeof fileFormats;

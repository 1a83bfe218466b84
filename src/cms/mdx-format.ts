import { parse, stringify } from 'yaml';

/**
 * How the CMS reads and writes content/<collection>/<locale>/<slug>.mdx: YAML frontmatter, then
 * the MDX body. It replaces Decap's own frontmatter format for one reason: Decap writes a file for
 * every locale that has any data, and the fields translations share (copied from English) give
 * every locale some. Such a file, with no text of its own, would be an empty translation that
 * breaks the build; `toFile` returns nothing for it, and Decap then writes no file.
 */
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
      if (!text && !fields[identifierField]) return '';
      const frontmatter = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined && v !== null && v !== ''));
      return `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n\n${text}\n`;
    },
  };
}

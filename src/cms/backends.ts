import { ProxyBackend } from 'decap-cms-backend-proxy';
import { GitHubBackend } from 'decap-cms-backend-github';

/**
 * Decap's own backends, with one change: a file with nothing in it is not written.
 *
 * Decap writes a translation file for every locale that holds any data, and the fields that
 * translations share (copied from English, `i18n: duplicate`) give every locale some. Our file
 * format (src/cms/mdx-format.ts) renders such a locale, with no text of its own, as an empty
 * file; writing it would add an empty translation in every language, which the build refuses.
 * (Decap's local_backend detection cannot take a backend of our own, so config.ts picks these by
 * name, local or GitHub.)
 */
interface DataFile {
  path: string;
  raw: string;
}

interface PersistingBackend {
  persistEntry(entry: { dataFiles: DataFile[] }, options: unknown): Promise<unknown>;
}

// A mixin's base must take `any[]` (TypeScript's rule for classes extended at run time).
type BackendClass = new (...args: any[]) => PersistingBackend;

function withoutEmptyFiles<B extends BackendClass>(Base: B): B {
  return class extends Base {
    persistEntry(entry: { dataFiles: DataFile[] }, options: unknown) {
      return super.persistEntry({ ...entry, dataFiles: entry.dataFiles.filter((file) => file.raw.trim()) }, options);
    }
  };
}

/** Registered under these names in src/cms/main.ts; src/cms/config.ts chooses one. */
export const backends = {
  'local-files': withoutEmptyFiles(ProxyBackend),
  'github-files': withoutEmptyFiles(GitHubBackend),
};

export type BackendName = keyof typeof backends;

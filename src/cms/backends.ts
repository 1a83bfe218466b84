import { ProxyBackend } from 'decap-cms-backend-proxy';
import { GitHubBackend } from 'decap-cms-backend-github';
import { fileDeleted, fileRead } from './translation-labels';

/**
 * Decap's own backends, with two changes:
 * - A file with nothing in it is not written. Decap writes a translation file for every locale
 *   that holds any data, and the fields that translations share (copied from English,
 *   `i18n: duplicate`) give every locale some. Our file format (src/cms/formats.ts) renders such
 *   a locale, with no text of its own, as an empty file; writing it would add an empty
 *   translation in every language, which the build refuses.
 * - Every file read or saved is reported to the entry lists' translation labels
 *   (src/cms/translation-labels.ts), which compare each translation with its English.
 * (Decap's local_backend detection cannot take a backend of our own, so config.ts picks these by
 * name, local or GitHub.)
 */
interface DataFile {
  path: string;
  raw: string;
}

/** A file as a backend returns it. */
interface ReadFile {
  file: { path: string };
  data: string;
}

interface Backend {
  entriesByFolder(folder: string, extension: string, depth: number): Promise<ReadFile[]>;
  getEntry(path: string): Promise<ReadFile>;
  persistEntry(entry: { dataFiles: DataFile[] }, options: unknown): Promise<unknown>;
  deleteFiles(paths: string[], commitMessage: string): Promise<unknown>;
}

// A mixin's base must take `any[]` (TypeScript's rule for classes extended at run time).
type BackendClass = new (...args: any[]) => Backend;

const report = (files: ReadFile[]) => {
  for (const { file, data } of files) fileRead(file.path, data);
  return files;
};

function ourBackend<B extends BackendClass>(Base: B): B {
  return class extends Base {
    async entriesByFolder(folder: string, extension: string, depth: number) {
      return report(await super.entriesByFolder(folder, extension, depth));
    }

    async getEntry(path: string) {
      return report([await super.getEntry(path)])[0];
    }

    async persistEntry(entry: { dataFiles: DataFile[] }, options: unknown) {
      const dataFiles = entry.dataFiles.filter((file) => file.raw.trim());
      const saved = await super.persistEntry({ ...entry, dataFiles }, options);
      for (const { path, raw } of dataFiles) fileRead(path, raw);
      return saved;
    }

    async deleteFiles(paths: string[], commitMessage: string) {
      const deleted = await super.deleteFiles(paths, commitMessage);
      paths.forEach(fileDeleted);
      return deleted;
    }
  };
}

/** GitHub's backend also lists a whole folder at once (the proxy has no such method: Decap checks). */
class GitHubFiles extends ourBackend(GitHubBackend) {
  async allEntriesByFolder(folder: string, extension: string, depth: number, pathRegex?: RegExp) {
    return report(await super.allEntriesByFolder(folder, extension, depth, pathRegex));
  }
}

/** Registered under these names in src/cms/main.ts; src/cms/config.ts chooses one. */
export const backends = {
  'local-files': ourBackend(ProxyBackend),
  'github-files': GitHubFiles,
};

export type BackendName = keyof typeof backends;

// Decap's backend packages ship no types; these are the parts src/cms/backends.ts uses.
interface DecapReadFile {
  file: { path: string };
  data: string;
}

declare class DecapBackend {
  constructor(...args: any[]);
  entriesByFolder(folder: string, extension: string, depth: number): Promise<DecapReadFile[]>;
  getEntry(path: string): Promise<DecapReadFile>;
  persistEntry(entry: { dataFiles: { path: string; raw: string }[] }, options: unknown): Promise<unknown>;
  deleteFiles(paths: string[], commitMessage: string): Promise<unknown>;
}

declare module 'decap-cms-backend-proxy' {
  export class ProxyBackend extends DecapBackend {}
}

declare module 'decap-cms-backend-github' {
  export class GitHubBackend extends DecapBackend {
    allEntriesByFolder(folder: string, extension: string, depth: number, pathRegex?: RegExp): Promise<DecapReadFile[]>;
  }
}

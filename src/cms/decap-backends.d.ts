// Decap's backend packages ship no types; these are the parts src/cms/backends.ts uses.
declare module 'decap-cms-backend-proxy' {
  export class ProxyBackend {
    constructor(...args: any[]);
    persistEntry(entry: { dataFiles: { path: string; raw: string }[] }, options: unknown): Promise<unknown>;
  }
}

declare module 'decap-cms-backend-github' {
  export class GitHubBackend {
    constructor(...args: any[]);
    persistEntry(entry: { dataFiles: { path: string; raw: string }[] }, options: unknown): Promise<unknown>;
  }
}

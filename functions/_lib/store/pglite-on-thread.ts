import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import {
  CompiledQuery,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type { Db } from './schema.ts';

type Command =
  | { kind: 'acquire' }
  | { kind: 'query'; session?: number; sql: string; params: readonly unknown[] }
  | { kind: 'release'; session: number }
  | { kind: 'load'; module: string; settings: unknown }
  | { kind: 'run'; unit: number; input: unknown }
  | { kind: 'close' };
export type ThreadRequest = Command & { id: number };
export type ThreadReply = { id: number; value: unknown } | { id: number; error: { name: string; message: string; code?: string } };

/**
 * A connection as Kysely sees it. A query on its own takes the store's one connection only while it
 * runs; a transaction holds it (a session) from begin to commit or rollback, so nothing else runs
 * between its statements.
 */
class ThreadConnection implements DatabaseConnection {
  session: number | undefined;
  readonly #call: (command: Command) => Promise<unknown>;
  constructor(call: (command: Command) => Promise<unknown>) {
    this.#call = call;
  }
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    return (await this.#call({ kind: 'query', session: this.session, sql: query.sql, params: query.parameters })) as QueryResult<R>;
  }
  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('The embedded store does not stream query results');
  }
}

/**
 * A module the store's thread can load: its `onStoreThread(db, settings)` returns the unit of work
 * the thread then runs on request. Settings and inputs cross threads by structured clone (a Buffer
 * arrives as a plain Uint8Array).
 */
export type StoreThreadModule<S, I, O> = { onStoreThread(db: Db, settings: S): (input: I) => Promise<O> };

export interface StoreThread {
  /** For Kysely: every query runs on the thread, with the connection held as Kysely asks. */
  dialect: Dialect;
  /**
   * Loads a module on the thread (see StoreThreadModule) and returns a function that runs its unit
   * of work there, start to commit, without a trip between threads for each statement.
   */
  load<S, I, O>(module: URL, settings: S): Promise<(input: I) => Promise<O>>;
}

/**
 * Starts the embedded PostgreSQL (PGlite) on a thread of its own (pglite-thread.ts). PGlite runs
 * each query to its end on the thread that calls it; on its own thread, the store's work uses the
 * second core, and a unit of work loaded there (a batch of incoming messages) runs from start to
 * commit without waiting between its statements for the thread that answers webhooks. The store
 * knows nothing of that work: the caller names the module. Stores in `folder`, or in memory.
 */
export function startStoreThread(folder: string | undefined): StoreThread {
  const code = new URL('./pglite-thread.ts', import.meta.url);
  // A bundled function (Netlify) is one file: the embedded store's thread has no file to start from.
  if (!existsSync(code)) throw new Error('The embedded store (PGlite) does not run in a bundled function such as Netlify\'s: set DATABASE_URL to a PostgreSQL server');
  const worker = new Worker(code, { workerData: { folder } });
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let stopped: Error | undefined;
  let closing = false;

  // The thread keeps the process alive only while a request is under way, as an in-process store would.
  worker.unref();
  worker.on('message', (reply: ThreadReply) => {
    const caller = waiting.get(reply.id);
    waiting.delete(reply.id);
    if (!waiting.size) worker.unref();
    if ('error' in reply) caller?.reject(Object.assign(new Error(reply.error.message), reply.error));
    else caller?.resolve(reply.value);
  });
  const fail = (error: Error) => {
    stopped = error;
    for (const caller of waiting.values()) caller.reject(error);
    waiting.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => {
    if (!closing) {
      // Say it where staff look: every SMS now gets 503 (Twilio sends it again) until a restart.
      console.error(`The embedded tip store stopped (exit code ${code}); restart the server. SMS are refused with 503 meanwhile.`);
    }
    fail(new Error(`The embedded store's thread stopped (exit code ${code})`));
  });

  function call(command: Command): Promise<unknown> {
    if (stopped) return Promise.reject(stopped);
    const id = ++nextId;
    return new Promise((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ ...command, id });
    });
  }

  const run = (connection: DatabaseConnection, statement: string) => connection.executeQuery(CompiledQuery.raw(statement));
  async function endSession(connection: DatabaseConnection) {
    const held = connection as ThreadConnection;
    if (held.session === undefined) return;
    const session = held.session;
    held.session = undefined;
    await call({ kind: 'release', session });
  }
  const driver: Driver = {
    async init() {},
    async acquireConnection() {
      return new ThreadConnection(call);
    },
    async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings) {
      (connection as ThreadConnection).session = (await call({ kind: 'acquire' })) as number;
      await run(connection, settings.isolationLevel ? `start transaction isolation level ${settings.isolationLevel}` : 'begin');
    },
    async commitTransaction(connection: DatabaseConnection) {
      try {
        await run(connection, 'commit');
      } finally {
        await endSession(connection);
      }
    },
    async rollbackTransaction(connection: DatabaseConnection) {
      try {
        await run(connection, 'rollback');
      } finally {
        await endSession(connection);
      }
    },
    releaseConnection: endSession,
    async destroy() {
      if (stopped) return;
      closing = true;
      await call({ kind: 'close' });
      await worker.terminate();
    },
  };

  return {
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createQueryCompiler: () => new PostgresQueryCompiler(),
      createIntrospector: (db) => new PostgresIntrospector(db),
    },
    async load<S, I, O>(module: URL, settings: S) {
      const unit = (await call({ kind: 'load', module: module.href, settings })) as number;
      return async (input: I) => (await call({ kind: 'run', unit, input })) as O;
    },
  };
}

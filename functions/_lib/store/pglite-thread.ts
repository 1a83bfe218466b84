/**
 * The embedded PostgreSQL's own thread (started by pglite-on-thread.ts). It answers two kinds of
 * request: Kysely's queries from the main thread (a transaction's on a connection held from
 * `acquire` to `release`), and units of work from modules the caller loads here (a batch of
 * incoming messages), which run here from start to commit. PGlite has one connection: Kysely's
 * PGlite dialect hands it to one holder at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { CompiledQuery, Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import type { Database } from './schema.ts';
import type { StoreThreadModule, ThreadReply, ThreadRequest } from './pglite-on-thread.ts';

const port = parentPort!;
const db = new Kysely<Database>({ dialect: new PGliteDialect(new PGlite((workerData as { folder?: string }).folder)) });
const sessions = new Map<number, { connection: Kysely<Database>; release: () => void }>();
let nextSession = 0;
const units: ((input: unknown) => Promise<unknown>)[] = [];

/** Holds the connection until the main thread releases it. */
function openSession(): Promise<number> {
  const session = ++nextSession;
  return new Promise((granted, refused) => {
    db.connection()
      .execute((connection) => new Promise<void>((release) => {
        sessions.set(session, { connection, release });
        granted(session);
      }))
      .catch(refused);
  });
}

async function answer(request: ThreadRequest): Promise<unknown> {
  switch (request.kind) {
    case 'acquire':
      return openSession();
    case 'query': {
      // Outside a transaction, a query takes the connection only while it runs.
      const on = request.session === undefined ? db : sessions.get(request.session)!.connection;
      const { rows, numAffectedRows } = await on.executeQuery(CompiledQuery.raw(request.sql, [...request.params]));
      return { rows, numAffectedRows };
    }
    case 'release':
      sessions.get(request.session)?.release();
      sessions.delete(request.session);
      return null;
    case 'load': {
      const module = (await import(request.module)) as StoreThreadModule<unknown, unknown, unknown>;
      return units.push(module.onStoreThread(db, request.settings)) - 1;
    }
    case 'run':
      return units[request.unit](request.input);
    case 'close':
      await db.destroy();
      return null;
  }
}

port.on('message', async (request: ThreadRequest) => {
  let reply: ThreadReply;
  try {
    reply = { id: request.id, value: await answer(request) };
  } catch (error) {
    // Only what the caller needs to act on: PostgreSQL's code (a conflict is tried again) and the
    // message. Never a query's parameters, which hold sealed tips.
    const { name, message, code } = error as { name: string; message: string; code?: string };
    reply = { id: request.id, error: { name, message, code } };
  }
  port.postMessage(reply);
});

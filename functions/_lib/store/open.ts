import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, PostgresDialect, type Migration } from 'kysely';
import pg from 'pg';
import { startStoreThread, type StoreThread } from './pglite-on-thread.ts';
import type { Database, Db, StoreKeys } from './schema.ts';
import * as initial from './migrations/001_initial.ts';
import * as routingAndOutbox from './migrations/002_routing_and_outbox.ts';
import * as intakeIndexes from './migrations/003_intake_indexes.ts';
import * as conversationOrder from './migrations/004_conversation_order.ts';
import { capsAndReferences } from './migrations/005_caps_and_references.ts';
import { replayGuard } from './migrations/006_replay_guard.ts';
import * as responders from './migrations/007_responders.ts';
import { boundSealing } from './migrations/008_bound_sealing.ts';
import * as webReports from './migrations/010_web_reports.ts';
import * as voiceRecordings from './migrations/011_voice_recordings.ts';

/** Every migration, in order. Add a file in migrations/ and list it here; never edit a shipped one. */
function migrationsWith(keys: StoreKeys): Record<string, Migration> {
  return {
    '001_initial': initial,
    '002_routing_and_outbox': routingAndOutbox,
    '003_intake_indexes': intakeIndexes,
    '004_conversation_order': conversationOrder,
    '005_caps_and_references': capsAndReferences(keys),
    '006_replay_guard': replayGuard(keys),
    '007_responders': responders,
    '008_bound_sealing': boundSealing(keys),
    '010_web_reports': webReports,
    '011_voice_recordings': voiceRecordings,
  };
}

/** The PostgreSQL major version our PGlite writes; a folder made by another cannot be opened. */
const PGLITE_POSTGRES_MAJOR = '18';

/**
 * PGlite cannot open a store written by an older PostgreSQL, and says only that it "failed to
 * initialize". Say what happened and what to do; never move or delete a store on our own.
 */
function refuseOlderStore(folder: string): void {
  const versionFile = join(folder, 'PG_VERSION');
  if (!existsSync(versionFile)) return;
  const major = readFileSync(versionFile, 'utf8').trim();
  if (major === PGLITE_POSTGRES_MAJOR) return;
  throw new Error(
    `The embedded tip store in ${folder} was written by PostgreSQL ${major}; this version of the tip line uses PostgreSQL ` +
      `${PGLITE_POSTGRES_MAJOR} and cannot open it. Local mode keeps only training data there: move the folder aside ` +
      `(mv ${folder} ${folder}-pg${major}) and start again. Real tips belong on a PostgreSQL server (DATABASE_URL).`,
  );
}

export interface Store {
  db: Db;
  /** The embedded store's own thread, which can run whole units of work (a batch of messages) by itself. */
  thread?: StoreThread;
}

/**
 * Opens the tip store: a PostgreSQL server when `databaseUrl` is given, otherwise an embedded
 * PostgreSQL (PGlite) in `<dataDir>/pglite` (or in memory for `dataDir: null`), on a thread of its
 * own. Brings the schema up to date before returning.
 */
export async function openStore(options: { databaseUrl?: string; dataDir: string | null; keys: StoreKeys }): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    store = { db: new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: options.databaseUrl, max: 10 }) }) }) };
  } else {
    if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
    const folder = options.dataDir ? join(options.dataDir, 'pglite') : undefined;
    if (folder) refuseOlderStore(folder);
    const thread = startStoreThread(folder);
    store = { db: new Kysely<Database>({ dialect: thread.dialect }), thread };
  }
  const migrations = migrationsWith(options.keys);
  // Two tracks number their migrations apart (the tip line's safety from 008, the channels from
  // 010), so a store may have run 010 before 009 lands: each runs once, whatever the order.
  const migrator = new Migrator({ db: store.db, provider: { getMigrations: async () => migrations }, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    await store.db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Could not bring the tip store up to date (migration ${failed}): ${String(error)}`);
  }
  return store;
}

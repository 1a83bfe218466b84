/**
 * npm run reseal: after a key rotation, seals every stored number and text anew with the current
 * TIP_ENCRYPTION_KEY, and says when TIP_ENCRYPTION_OLD_KEYS can be removed (see README, Tip line).
 *
 * Works on the tip line's own store and keys (the same settings as the server). The embedded store
 * (PGlite) can be opened by one process only: stop `npm start` first. A server-backed line can keep
 * running: the rows are re-sealed a batch at a time.
 */
import { loadTiplineConfig } from '../functions/_lib/config.ts';
import { openStore } from '../functions/_lib/store/open.ts';
import { storeKeys } from '../functions/_lib/tipline.ts';
import { resealAll } from '../functions/_lib/store/sealed.ts';

const config = loadTiplineConfig();
const keys = storeKeys(config);
const { db } = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, keys });
try {
  const count = await resealAll(db, keys.sealing);
  console.log(`${count} value(s) sealed anew with the current key (${keys.sealing.current.id}).`);
  console.log('Every stored value now opens with TIP_ENCRYPTION_KEY alone: remove TIP_ENCRYPTION_OLD_KEYS and restart the line.');
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

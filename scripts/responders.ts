/**
 * npm run responders -- <command> [+phone]
 *
 *   pin <+phone>        makes a new PIN for a responder, prints it once (give it to them in
 *                       person), and lets them back in if they were locked out
 *   revoke <+phone>     withdraws a responder's access at once; the tips they held go back to
 *                       escalation
 *   reinstate <+phone>  lets a revoked responder act again (with the PIN they had)
 *   list                every responder in the directory and their state (no numbers)
 *
 * Works on the tip line's own store and keys (the same settings as the server). The embedded store
 * (PGlite) can be opened by one process only: stop `npm start` first. No redeploy is needed.
 */
import { loadTiplineConfig } from '../functions/_lib/config.ts';
import { hashPin, newPin } from '../functions/_lib/pins.ts';
import { indexResponders, loadDirectory } from '../functions/_lib/routing/directory.ts';
import { readAccess, reinstate, revoke, setPinHash } from '../functions/_lib/store/responder-access.ts';
import { openStore } from '../functions/_lib/store/open.ts';
import { storeKeys } from '../functions/_lib/tipline.ts';

const [command, phone] = process.argv.slice(2);
const usage = 'Usage: npm run responders -- pin|revoke|reinstate <+phone> | list';
const config = loadTiplineConfig();
const responders = indexResponders(loadDirectory(config.responderDirectory), config.pseudonymKey);
const { db } = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, keys: storeKeys(config) });

try {
  if (command === 'list') {
    for (const responder of responders.byKey.values()) {
      const access = await readAccess(db, responder.key);
      const state = access?.revoked_at ? 'revoked' : access?.locked_at ? 'locked out' : access?.pin_hash ? 'active' : 'no PIN yet';
      console.log(`${responder.name} (${responder.groups.join(', ')}): ${state}`);
    }
  } else {
    const responder = phone ? responders.byPhone.get(phone) : undefined;
    if (!responder) throw new Error(phone ? `${phone} is not in the responder directory (${config.responderDirectory})` : usage);
    if (command === 'pin') {
      const pin = newPin();
      await setPinHash(db, responder.key, await hashPin(pin));
      console.log(`New PIN for ${responder.name}: ${pin}  (shown once; it is stored only as a slow hash)`);
    } else if (command === 'revoke') {
      const released = await revoke(db, responder.key);
      console.log(`${responder.name} is revoked. ${released} tip(s) they held go back to escalation.`);
    } else if (command === 'reinstate') {
      await reinstate(db, responder.key);
      console.log(`${responder.name} may act again.`);
    } else {
      throw new Error(usage);
    }
  }
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}

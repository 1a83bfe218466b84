import type { Kysely, Migration } from 'kysely';
import { resealAll } from '../sealed.ts';
import type { StoreKeys } from '../schema.ts';

/**
 * Sealed values bound to their place. Values sealed before (version 1: no key id, no associated
 * data) are sealed anew as version 2, with the id of the key and their table, column and row as
 * associated data, so a value copied into another row or column no longer opens. There is no way
 * back: the older code cannot read version 2, and re-sealing the old way would undo the binding.
 */
export function boundSealing(keys: StoreKeys): Migration {
  return {
    async up(db: Kysely<any>): Promise<void> {
      await resealAll(db, keys.sealing);
    },
  };
}

import type { Core } from '@strapi/strapi';

const TABLE = 'content_versions';

/** The counters as one read found them: name → version. */
export type Snapshot = ReadonlyMap<string, number>;

/**
 * The shared counters of changes (database/migrations), one row per name: a type the Hub reads,
 * the posts and replies of a region, a phase or a question (changes.ts), the files, the
 * credentials and the accounts. A change
 * increments its counters in its own transaction; a read compares them with those its cached
 * answer was computed at. Every counter only grows, so a sum over a set of them changes exactly
 * when one of them does.
 */
export function changeCounters(strapi: Core.Strapi) {
  const table = () => strapi.db.getConnection(TABLE);

  // Reads arriving while a query of the counters is running wait for the next one, which starts
  // after they arrived: every read sees every change committed before it arrived, and the database
  // answers one query at a time however many reads come at once.
  let running: Promise<Snapshot> | null = null;
  let queued: Promise<Snapshot> | null = null;

  const query = async (): Promise<Snapshot> => {
    const rows = (await table().select('name', 'version')) as { name: string; version: number | string }[];
    return new Map(rows.map((r) => [r.name, Number(r.version)]));
  };

  function start(): Promise<Snapshot> {
    const started: Promise<Snapshot> = query().finally(() => {
      if (running === started) running = null;
    });
    running = started;
    return started;
  }

  function snapshot(): Promise<Snapshot> {
    if (!running) return start();
    queued ??= running
      .then(
        () => undefined,
        () => undefined,
      )
      .then(() => {
        queued = null;
        return start();
      });
    return queued;
  }

  return {
    snapshot,
    /** Counts a change under these names, in the transaction of the change when there is one. */
    async bump(names: string[]): Promise<void> {
      if (!names.length) return;
      await strapi.db.transaction(async ({ trx }) => {
        for (const name of [...new Set(names)].sort()) {
          await trx(TABLE).insert({ name, version: 1 }).onConflict('name').merge({ version: trx.raw(`${TABLE}.version + 1`) });
        }
      });
    },
    /** Makes the rows that exist from the start, so that the first change of each is not a row's creation. */
    async ensure(names: string[]): Promise<void> {
      if (names.length) await table().insert(names.map((name) => ({ name, version: 0 }))).onConflict('name').ignore();
    },
  };
}

/** The sum of the counters a cached answer depends on: exact names, or prefixes ending in `*` (`posts@region:*`, every region). */
export function fingerprint(snapshot: Snapshot, dependencies: readonly string[]): number {
  let sum = 0;
  for (const [name, version] of snapshot) {
    if (dependencies.some((d) => (d.endsWith('*') ? name.startsWith(d.slice(0, -1)) : name === d))) sum += version;
  }
  return sum;
}

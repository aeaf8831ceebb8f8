import type { Core } from '@strapi/strapi';

const TABLE = 'content_versions';
const NAME = 'published';

/** The shared counter of changes to published content (database/migrations). */
export function contentVersion(strapi: Core.Strapi) {
  return {
    async current(): Promise<number> {
      const row = await strapi.db.getConnection(TABLE).where({ name: NAME }).first('version');
      return Number(row?.version ?? 0);
    },
    /** Counts a change, in the transaction of the change when there is one. */
    async bump(): Promise<void> {
      await strapi.db.transaction(async ({ trx }) => {
        await trx(TABLE).where({ name: NAME }).increment('version', 1);
      });
    },
  };
}

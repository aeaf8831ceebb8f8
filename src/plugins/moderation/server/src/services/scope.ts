import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CONTENT_MANAGER_READ, IN_MODERATED_REGION, REGION, SUBMISSION } from '../constants';

export type AdminUser = { id: number; firstname?: string | null; lastname?: string | null; username?: string | null; email?: string };
export type RegionScope = 'all' | string[];

/**
 * Which regions an admin user may moderate, read from their roles' Content Manager permission
 * on submissions: without a condition, every region; with "Belongs to a region I moderate", the
 * regions listing them as moderator; without the permission, none. The Content Manager applies
 * the same permission, so the plugin and the Content Manager can never disagree.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async regionsOf(user: AdminUser): Promise<RegionScope> {
    const permissions = (await strapi.service('admin::permission').findUserPermissions(user)) as { action: string; subject: string | null; conditions?: string[] }[];
    const reads = permissions.filter((p) => p.action === CONTENT_MANAGER_READ && p.subject === SUBMISSION);
    if (reads.some((p) => !p.conditions?.length)) return 'all';
    if (!reads.some((p) => p.conditions?.includes(IN_MODERATED_REGION))) return [];
    const regions = await strapi.db.query(REGION).findMany({ where: { moderators: { id: user.id } }, select: ['code'] });
    return regions.map((r: { code: string }) => r.code);
  },

  /** Refuses, with a message that says why, an action on a submission outside the user's regions. */
  assertInScope(scope: RegionScope, regionCode: string | null | undefined): void {
    if (scope === 'all') return;
    if (!regionCode || !scope.includes(regionCode)) {
      const mine = scope.length ? `You moderate ${scope.join(', ')}` : 'You moderate no region';
      const details = { code: scope.length ? 'outOfRegion' : 'noRegionModerated', values: { regions: scope.join(', '), region: regionCode ?? '–' } };
      throw new errors.PolicyError(`${mine}; this submission belongs to ${regionCode ?? 'no region'}.`, details);
    }
  },

  displayName(user: AdminUser): string {
    return [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || `Moderator ${user.id}`;
  },
});

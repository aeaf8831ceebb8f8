import type { Core } from '@strapi/strapi';
import { z } from '@strapi/utils';

const SUBMISSION_ACTIONS = {
  canRead: 'api::submission.submission.find',
  canPost: 'api::submission.submission.create',
  canSeeOwn: 'api::submission.submission.mine',
} as const;

type SignedIn = { id: number; role?: { id: number; type: string; name: string } | null };

/**
 * What the signed-in Hub user may do, for the Hub to show "post a contribution" or "your
 * submissions" without trying and taking a 403: their own role, what it allows (read from the
 * role's permissions, so it says what the server enforces), and what restricts their posting now
 * (a moderator's suspension or block holds in its region, the secretariat's, `regionCode: null`,
 * everywhere). Nothing here is about anyone else.
 */
export async function capabilitiesOf(strapi: Core.Strapi, user: SignedIn) {
  const role = user.role ?? null;
  const granted = role
    ? ((await strapi.db.query('plugin::users-permissions.permission').findMany({ where: { role: { id: role.id }, action: { $in: Object.values(SUBMISSION_ACTIONS) } }, select: ['action'] })) as { action: string }[])
    : [];
  const allows = (action: string) => granted.some((p) => p.action === action);
  const canPost = allows(SUBMISSION_ACTIONS.canPost);
  return {
    role: role ? { type: role.type, name: role.name } : null,
    capabilities: {
      canRead: allows(SUBMISSION_ACTIONS.canRead),
      canPost,
      canSeeOwn: allows(SUBMISSION_ACTIONS.canSeeOwn),
      postingRestrictions: canPost ? await strapi.plugin('moderation').service('sanctions').restrictionsOf(user.id) : [],
    },
  };
}

/** `/users/me` as docs/openapi.json describes it: Strapi's account, with the two fields above. */
export const AccountWithCapabilities = (account: z.ZodObject) =>
  account
    .extend({
      role: z.object({ type: z.string().describe('authenticated, member-state, stakeholder or un-system'), name: z.string() }).nullable(),
      capabilities: z.object({
        canRead: z.boolean(),
        canPost: z.boolean(),
        canSeeOwn: z.boolean().describe('/submissions/mine, withdraw, resubmit'),
        postingRestrictions: z.array(
          z.object({
            kind: z.enum(['suspension', 'block']),
            regionCode: z.string().nullable().describe('Where it holds; null: every region'),
            endsAt: z.string().nullable().describe('A suspension\'s end; null for a block, which holds until lifted'),
            reason: z.string(),
          }),
        ),
      }),
    })
    .meta({ id: 'AccountWithCapabilities' });

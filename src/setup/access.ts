import type { Core } from '@strapi/strapi';

/**
 * Who may read what through the content API: the DESIGN.md permission table, in one place.
 * Every start brings the users-permissions roles and the Hub token back to exactly this.
 */

/** The content types the Hub reads (published documents only). */
export const HUB_READABLE_TYPES = [
  'api::region.region',
  'api::phase.phase',
  'api::guiding-question.guiding-question',
  'api::submission.submission',
  'api::moderator-reply.moderator-reply',
  'api::gcm-objective.gcm-objective',
  'api::summary.summary',
] as const;

const READ_ACTIONS = HUB_READABLE_TYPES.flatMap((uid) => [`${uid}.find`, `${uid}.findOne`]);

/** What every signed-in Hub user may do with their own account. */
const OWN_ACCOUNT_ACTIONS = ['plugin::users-permissions.user.me', 'plugin::users-permissions.auth.changePassword'];

/** Posting, the author's own list, sending a returned post back, and withdrawing: the roles that may post (DESIGN.md). Files are read at /api/files. */
const POSTING_ACTIONS = ['create', 'mine', 'mineOne', 'resubmit', 'withdraw'].map((action) => `api::submission.submission.${action}`);

/** The roles the secretariat assigns; a registered user without one keeps `authenticated`. */
export const HUB_ROLES = [
  { type: 'member-state', name: 'Member State', description: 'Member State representatives: read the published discussion spaces.' },
  { type: 'stakeholder', name: 'Stakeholder', description: 'Stakeholders (GCM paragraph 44): read, and post submissions for moderation.' },
  { type: 'un-system', name: 'UN system', description: 'UN system entities: read, and post submissions for moderation.' },
] as const;

export type HubRoleType = 'public' | 'authenticated' | (typeof HUB_ROLES)[number]['type'];

/** The application's own (api::) permissions of each users-permissions role: the DESIGN.md table. */
export const CONTENT_API_PERMISSIONS: Record<HubRoleType, readonly string[]> = {
  public: [],
  authenticated: READ_ACTIONS,
  'member-state': READ_ACTIONS,
  stakeholder: [...READ_ACTIONS, ...POSTING_ACTIONS],
  'un-system': [...READ_ACTIONS, ...POSTING_ACTIONS],
};

/** The Hub server's token reads exactly what registered users read, and nothing of accounts or uploads. */
export const HUB_TOKEN_PERMISSIONS = READ_ACTIONS;

const ROLE_UID = 'plugin::users-permissions.role';
const PERMISSION_UID = 'plugin::users-permissions.permission';

type RoleRow = { id: number; type: string };
type PermissionRow = { id: number; action: string };

/**
 * Creates the Hub roles if missing and makes each role's application permissions exactly the
 * table above: missing ones are added, any other `api::` permission is removed.
 */
export async function syncContentApiRoles(strapi: Core.Strapi): Promise<void> {
  const roles = strapi.db.query(ROLE_UID);
  for (const role of HUB_ROLES) {
    const existing = await roles.findOne({ where: { type: role.type } });
    if (!existing) {
      const created = (await roles.create({ data: { ...role } })) as RoleRow;
      for (const action of OWN_ACCOUNT_ACTIONS) {
        await strapi.db.query(PERMISSION_UID).create({ data: { action, role: created.id } });
      }
    }
  }

  for (const [type, wanted] of Object.entries(CONTENT_API_PERMISSIONS)) {
    const role = (await roles.findOne({ where: { type } })) as RoleRow | null;
    if (!role) throw new Error(`users-permissions role "${type}" is missing`);
    const current = (await strapi.db.query(PERMISSION_UID).findMany({
      where: { role: role.id, action: { $startsWith: 'api::' } },
    })) as PermissionRow[];
    const stale = current.filter((p) => !wanted.includes(p.action));
    if (stale.length) {
      await strapi.db.query(PERMISSION_UID).deleteMany({ where: { id: { $in: stale.map((p) => p.id) } } });
    }
    const have = new Set(current.map((p) => p.action));
    for (const action of wanted.filter((a) => !have.has(a))) {
      await strapi.db.query(PERMISSION_UID).create({ data: { action, role: role.id } });
    }
  }
}

export const HUB_TOKEN_NAME = 'Hub website (read only)';

/**
 * Creates a content API token for the Hub's server: a custom token limited to the reads above.
 * Strapi's own "read-only" token type would also open every account (`GET /api/users`).
 * Returns the access key, which Strapi shows only once.
 */
export async function createHubToken(strapi: Core.Strapi, name = HUB_TOKEN_NAME): Promise<string> {
  const tokens = strapi.service('admin::api-token-content-api');
  if (await tokens.exists({ name })) {
    throw new Error(`An API token named "${name}" exists already; revoke it in Settings > API Tokens or choose another name.`);
  }
  const token = await tokens.create({
    name,
    description: 'Reads published discussion-space content for the Hub website.',
    kind: 'content-api',
    type: 'custom',
    lifespan: null,
    permissions: [...HUB_TOKEN_PERMISSIONS],
  });
  return token.accessKey as string;
}

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';

export type AdminUser = { id: number; isActive?: boolean; roles?: unknown[] };

/**
 * Who asks for a file. Anyone (no credentials, or the Hub's token, which reads published content
 * only) reads files of published documents; a Hub user also their own; an admin user also those
 * of their regions.
 */
export type Reader = { kind: 'anyone' } | { kind: 'hub-user'; id: number } | { kind: 'admin'; user: AdminUser };

type SessionManager = (origin: string) => {
  validateAccessToken: (token: string) => { isValid: boolean; payload: { userId: string; sessionId: string; type?: string } };
  isSessionActive: (sessionId: string) => Promise<boolean>;
};

const INVALID = 'The Authorization header holds no valid credentials: send a Hub user\'s JWT, the Hub\'s API token, or none for a published file.';

/**
 * Identifies the reader with Strapi's own credentials, whichever kind the header holds: an admin
 * session (the workspace), a Hub user's JWT, or an API token. Credentials that are present but
 * valid for none of them are refused (401) rather than read as "anyone".
 */
export async function readerOf(strapi: Core.Strapi, ctx: Context): Promise<Reader> {
  const header = ctx.get('authorization');
  if (!header) return { kind: 'anyone' };
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') throw new errors.UnauthorizedError(INVALID);
  const token = parts[1];

  const sessions = (strapi as unknown as { sessionManager?: SessionManager }).sessionManager;
  const admin = sessions?.('admin').validateAccessToken(token);
  if (admin?.isValid && (await sessions!('admin').isSessionActive(admin.payload.sessionId))) {
    const user = (await strapi.db.query('admin::user').findOne({ where: { id: Number(admin.payload.userId) }, populate: ['roles'] })) as AdminUser | null;
    if (user?.isActive) return { kind: 'admin', user };
    throw new errors.UnauthorizedError(INVALID);
  }

  const hubUser = await strapi
    .plugin('users-permissions')
    .service('jwt')
    .verify(token)
    .catch(() => null);
  if (hubUser?.id !== undefined) {
    const user = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id: hubUser.id }, select: ['id', 'blocked', 'confirmed'] })) as { id: number; blocked?: boolean; confirmed?: boolean } | null;
    // As Strapi's own users-permissions strategy: blocked, or unconfirmed when confirmation is on, is no user.
    const settings = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as { email_confirmation?: boolean } | null;
    if (user && !user.blocked && !(settings?.email_confirmation && !user.confirmed)) return { kind: 'hub-user', id: user.id };
    throw new errors.UnauthorizedError(INVALID);
  }

  const tokens = strapi.service('admin::api-token-content-api');
  const apiToken = (await tokens.getByAccessKey(tokens.hash(token))) as { expiresAt?: string | null } | null;
  if (apiToken && (!apiToken.expiresAt || new Date(apiToken.expiresAt) > new Date())) return { kind: 'anyone' };
  throw new errors.UnauthorizedError(INVALID);
}

import type { Core } from '@strapi/strapi';
import { DEMO_ADMIN_PASSWORD_DEFAULT, DEMO_ADMINS, DEMO_HUB_USERS, DEMO_USER_PASSWORD_DEFAULT } from './demo';

/**
 * `DEMO_DATA`: `never` (the default) loads nothing; `auto` loads the demo space into an empty
 * database, `always` brings it back at every start (`npm run demo` and `npm run seed` ask for it).
 */
export function demoDataMode(): 'auto' | 'always' | 'never' {
  const mode = process.env.DEMO_DATA || 'never';
  if (mode !== 'auto' && mode !== 'always' && mode !== 'never') {
    throw new Error(`DEMO_DATA must be auto, always or never, not "${mode}"`);
  }
  return mode;
}

/**
 * Strapi makes a "Read Only" and a "Full Access" API token on a new database. Nobody asked for
 * them, and a full-access token reads and writes everything: both go, unless someone has since
 * renamed or described them (then they are somebody's).
 */
export async function removeStrapiDefaultTokens(strapi: Core.Strapi): Promise<number> {
  const tokens = strapi.service('admin::api-token-content-api');
  const defaults = new Map([
    ['Read Only', 'A default API token with read-only permissions, only used for accessing resources'],
    ['Full Access', 'A default API token with full access permissions, used for accessing or modifying resources'],
  ]);
  let removed = 0;
  const candidates = (await strapi.db.query('admin::api-token').findMany({ where: { name: { $in: [...defaults.keys()] } }, select: ['id', 'name', 'description', 'lastUsedAt'] })) as { id: number; name: string; description?: string | null; lastUsedAt?: string | null }[];
  for (const token of candidates) {
    if (defaults.get(token.name) === token.description && !token.lastUsedAt) {
      await tokens.revoke(token.id);
      removed += 1;
    }
  }
  return removed;
}

/**
 * In production the server does not start while an account still has the demo password printed
 * in the README: the demo accounts include a Super Admin.
 */
export async function refuseDemoPasswordsInProduction(strapi: Core.Strapi): Promise<void> {
  if (process.env.NODE_ENV !== 'production') return;
  const adminPasswords = [...new Set([DEMO_ADMIN_PASSWORD_DEFAULT, process.env.DEMO_ADMIN_PASSWORD].filter(Boolean))] as string[];
  const userPasswords = [...new Set([DEMO_USER_PASSWORD_DEFAULT, process.env.DEMO_USER_PASSWORD].filter(Boolean))] as string[];
  const exposed: string[] = [];
  const admins = (await strapi.db.query('admin::user').findMany({ where: { email: { $in: DEMO_ADMINS.map((a) => a.email) } }, select: ['email', 'password'] })) as { email: string; password?: string }[];
  for (const admin of admins) {
    for (const password of adminPasswords) {
      if (admin.password && (await strapi.service('admin::auth').validatePassword(password, admin.password))) exposed.push(admin.email);
    }
  }
  const users = (await strapi.db.query('plugin::users-permissions.user').findMany({ where: { email: { $in: DEMO_HUB_USERS.map((u) => u.email) } }, select: ['email', 'password'] })) as { email: string; password?: string }[];
  for (const user of users) {
    for (const password of userPasswords) {
      if (user.password && (await strapi.plugin('users-permissions').service('user').validatePassword(password, user.password))) exposed.push(user.email);
    }
  }
  if (exposed.length) {
    throw new Error(
      `Refusing to start in production: ${exposed.join(', ')} still ${exposed.length === 1 ? 'has' : 'have'} a demo password. ` +
        'Delete the demo accounts or give them new passwords (admin panel: Settings > Users; Hub accounts: Content Manager > User), ' +
        'or start a fresh database without DEMO_DATA (docs/DEPLOYMENT.md).',
    );
  }
}

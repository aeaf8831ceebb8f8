import type { Core } from '@strapi/strapi';
import type { Snapshot } from './counters';

/** Counters of changes to credentials: roles, permissions, API tokens and the sign-in settings; and Hub accounts. */
export const ACCESS = 'access';
export const ACCOUNTS = 'accounts';

type Token = { id: number; kind: string | null; expiresAt: number | null; lastUsedAt: number | null };
type Account = { roleId: number; blocked: boolean; confirmed: boolean };

const HOUR = 60 * 60 * 1000;
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * Who a Hub read comes from, decided as Strapi's content API decides it, from state kept in memory:
 * an API token (looked up by its hash, refused when unknown, not a content-API token, or expired) or
 * a Hub user's JWT (its signature and expiry checked each time; the account refused when gone,
 * blocked or, where confirmation is required, unconfirmed). The state is dropped whenever the
 * shared counters say credentials or accounts changed on any instance, so nothing stale is trusted.
 * Answers the principal as the read cache keys it, or null to leave the request to Strapi.
 */
export function principals(strapi: Core.Strapi) {
  let tokens = new Map<string, Token | null>();
  let accounts = new Map<number, Account | null>();
  let emailConfirmation: boolean | null = null;
  let accessVersion = -1;
  let accountsVersion = -1;

  const tokenService = () => strapi.service('admin::api-token-content-api') as unknown as { hash: (token: string) => string };

  async function token(hash: string): Promise<Token | null> {
    if (!tokens.has(hash)) {
      const row = (await strapi.db.query('admin::api-token').findOne({ where: { accessKey: hash }, select: ['id', 'kind', 'expiresAt', 'lastUsedAt'] })) as { id: number; kind?: string | null; expiresAt?: string | null; lastUsedAt?: string | null } | null;
      tokens.set(hash, row ? { id: row.id, kind: row.kind ?? null, expiresAt: row.expiresAt ? Date.parse(row.expiresAt) : null, lastUsedAt: row.lastUsedAt ? Date.parse(row.lastUsedAt) : null } : null);
    }
    return tokens.get(hash) ?? null;
  }

  async function account(id: number): Promise<Account | null> {
    if (!accounts.has(id)) {
      const row = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id }, select: ['id', 'blocked', 'confirmed'], populate: { role: { select: ['id'] } } })) as { blocked?: boolean | null; confirmed?: boolean | null; role?: { id: number } | null } | null;
      accounts.set(id, row?.role ? { roleId: row.role.id, blocked: Boolean(row.blocked), confirmed: Boolean(row.confirmed) } : null);
    }
    return accounts.get(id) ?? null;
  }

  async function mustConfirm(): Promise<boolean> {
    if (emailConfirmation === null) {
      const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as { email_confirmation?: boolean } | null;
      emailConfirmation = Boolean(advanced?.email_confirmation);
    }
    return emailConfirmation;
  }

  return {
    async resolve(authorization: string, snapshot: Snapshot): Promise<string | null> {
      const access = snapshot.get(ACCESS) ?? 0;
      if (access !== accessVersion) {
        tokens = new Map();
        emailConfirmation = null;
        accessVersion = access;
      }
      const accountVersion = snapshot.get(ACCOUNTS) ?? 0;
      if (accountVersion !== accountsVersion) {
        accounts = new Map();
        accountsVersion = accountVersion;
      }
      const parts = authorization.split(/\s+/);
      if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return null;
      const credential = parts[1];

      if (JWT_SHAPE.test(credential)) {
        // Sessions of the refresh mode are checked against the database by Strapi; left to it.
        if (strapi.config.get('plugin::users-permissions.jwtManagement', 'legacy-support') !== 'legacy-support') return null;
        let payload: { id?: unknown };
        try {
          payload = (await strapi.plugin('users-permissions').service('jwt').verify(credential)) as { id?: unknown };
        } catch {
          return null;
        }
        const id = Number(payload.id);
        if (!Number.isInteger(id)) return null;
        const user = await account(id);
        if (!user || user.blocked || ((await mustConfirm()) && !user.confirmed)) return null;
        return `role:${user.roleId}`;
      }

      const hash = tokenService().hash(credential);
      const found = await token(hash);
      if (!found || (found.kind !== 'content-api' && found.kind !== null)) return null;
      if (found.expiresAt !== null && found.expiresAt < Date.now()) return null;
      // As Strapi does: the token's last use is recorded, at most once an hour.
      if (found.lastUsedAt === null || Date.now() - found.lastUsedAt >= HOUR) {
        found.lastUsedAt = Date.now();
        await strapi.db.query('admin::api-token').update({ where: { id: found.id }, data: { lastUsedAt: new Date(found.lastUsedAt) } });
      }
      return `token:${found.id}`;
    },
  };
}

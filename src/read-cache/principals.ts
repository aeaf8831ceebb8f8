import type { Core } from '@strapi/strapi';
import { LRUCache } from 'lru-cache';
import type { Snapshot } from './counters';

/** Counters of changes to credentials: roles, permissions, API tokens and the sign-in settings; and Hub accounts. */
export const ACCESS = 'access';
export const ACCOUNTS = 'accounts';

type Token = { id: number; kind: string | null; expiresAt: number | null; lastUsedAt: number | null };
type Account = { roleId: number; blocked: boolean; confirmed: boolean };
type Claims = { id?: unknown; exp?: unknown; nbf?: unknown };

const HOUR = 60 * 60 * 1000;
/** How long what was read of a credential is kept at most, should the count of a change ever be lost. */
const KEPT_MS = 60 * 1000;
const JWT_SHAPE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/**
 * Who a Hub read comes from, decided as Strapi's content API decides it, from state kept in memory:
 * an API token (looked up by its hash, refused when unknown, not a content-API token, or expired) or
 * a Hub user's JWT (its signature checked once, its expiry each time; the account refused when
 * gone, blocked or, where confirmation is required, unconfirmed). The state is dropped whenever the
 * shared counters say credentials or accounts changed on any instance, and kept a minute at most,
 * so nothing stale is trusted.
 * Answers the principal as the read cache keys it, or null to leave the request to Strapi.
 */
export function principals(strapi: Core.Strapi) {
  // Known tokens and accounts only (an unknown one is asked again: a stranger's guesses fill nothing).
  const fresh = <V extends object>() => new LRUCache<string, V>({ max: 10_000, ttl: KEPT_MS });
  let tokens = fresh<Token>();
  let accounts = fresh<Account>();
  let emailConfirmation: { required: boolean; until: number } | null = null;
  const signed = new LRUCache<string, Claims>({ max: 10_000 });
  let accessVersion = -1;
  let accountsVersion = -1;

  const tokenService = () => strapi.service('admin::api-token-content-api') as unknown as { hash: (token: string) => string };

  // Each lookup writes into the map it started with: one replaced meanwhile (a change counted)
  // never receives what was read before the change.
  async function token(hash: string): Promise<Token | null> {
    const map = tokens;
    const known = map.get(hash);
    if (known) return known;
    const row = (await strapi.db.query('admin::api-token').findOne({ where: { accessKey: hash }, select: ['id', 'kind', 'expiresAt', 'lastUsedAt'] })) as { id: number; kind?: string | null; expiresAt?: string | null; lastUsedAt?: string | null } | null;
    if (!row) return null;
    const found = { id: row.id, kind: row.kind ?? null, expiresAt: row.expiresAt ? Date.parse(row.expiresAt) : null, lastUsedAt: row.lastUsedAt ? Date.parse(row.lastUsedAt) : null };
    map.set(hash, found);
    return found;
  }

  async function account(id: number): Promise<Account | null> {
    const map = accounts;
    const known = map.get(String(id));
    if (known) return known;
    const row = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { id }, select: ['id', 'blocked', 'confirmed'], populate: { role: { select: ['id'] } } })) as { blocked?: boolean | null; confirmed?: boolean | null; role?: { id: number } | null } | null;
    if (!row?.role) return null;
    const found = { roleId: row.role.id, blocked: Boolean(row.blocked), confirmed: Boolean(row.confirmed) };
    map.set(String(id), found);
    return found;
  }

  async function mustConfirm(): Promise<boolean> {
    if (!emailConfirmation || emailConfirmation.until < Date.now()) {
      const advanced = (await strapi.store({ type: 'plugin', name: 'users-permissions' }).get({ key: 'advanced' })) as { email_confirmation?: boolean } | null;
      emailConfirmation = { required: Boolean(advanced?.email_confirmation), until: Date.now() + KEPT_MS };
    }
    return emailConfirmation.required;
  }

  return {
    async resolve(authorization: string, snapshot: Snapshot): Promise<string | null> {
      const access = snapshot.get(ACCESS) ?? 0;
      const accountVersion = snapshot.get(ACCOUNTS) ?? 0;
      // A request that read the counters before another that has already moved on is left to Strapi.
      if (access < accessVersion || accountVersion < accountsVersion) return null;
      if (access > accessVersion) {
        tokens = fresh<Token>();
        emailConfirmation = null;
        accessVersion = access;
      }
      if (accountVersion > accountsVersion) {
        accounts = fresh<Account>();
        accountsVersion = accountVersion;
      }
      const parts = authorization.split(/\s+/);
      if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') return null;
      const credential = parts[1];

      if (JWT_SHAPE.test(credential)) {
        // Sessions of the refresh mode are checked against the database by Strapi; left to it.
        if (strapi.config.get('plugin::users-permissions.jwtManagement', 'legacy-support') !== 'legacy-support') return null;
        // A signature checked once stays good (verifying costs half a millisecond); the times are checked each time.
        let payload = signed.get(credential);
        if (!payload) {
          try {
            payload = (await strapi.plugin('users-permissions').service('jwt').verify(credential)) as Claims;
          } catch {
            return null;
          }
          signed.set(credential, payload);
        }
        const now = Date.now() / 1000;
        if ((typeof payload.exp === 'number' && payload.exp <= now) || (typeof payload.nbf === 'number' && payload.nbf > now)) return null;
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

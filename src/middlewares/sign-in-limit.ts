import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LRUCache } from 'lru-cache';

type Config = { max: number; windowMinutes: number };

/**
 * Failed Hub sign-ins are counted per account, whatever address they come from: past `max` in
 * the window, that account's sign-in answers 429, even with the right password, until the
 * window passes. Many people behind one office network or one Hub server sign in freely (the
 * per-address limit, Strapi's own, is set higher: LOGIN_RATE_LIMIT_PER_ADDRESS), while guessing
 * one account's password from many addresses is still stopped. Kept in this instance's memory.
 */
const signInLimit: Core.MiddlewareFactory<Config> = ({ max, windowMinutes }) => {
  const windowMs = windowMinutes * 60 * 1000;
  const failures = new LRUCache<string, { count: number; until: number }>({ max: 100_000 });
  return async (ctx, next) => {
    if (ctx.method !== 'POST' || ctx.path.toLowerCase().replace(/\/+$/, '') !== '/api/auth/local') return next();
    const identifier = (ctx.request.body as { identifier?: unknown } | undefined)?.identifier;
    if (typeof identifier !== 'string' || !identifier.trim()) return next();
    const account = identifier.trim().toLowerCase();
    const now = Date.now();
    const entry = failures.get(account);
    if (entry && entry.until > now && entry.count >= max) {
      throw new errors.RateLimitError(`Too many failed sign-ins for this account: try again in ${Math.ceil((entry.until - now) / 60000)} minute(s).`);
    }
    try {
      await next();
    } catch (error) {
      // A wrong password is Strapi's ValidationError; other refusals (the address limit) are not the account's.
      if (error instanceof errors.ValidationError) {
        const current = entry && entry.until > now ? entry : { count: 0, until: now + windowMs };
        failures.set(account, { count: current.count + 1, until: current.until });
      }
      throw error;
    }
    if (ctx.status === 200) failures.delete(account);
  };
};

export default signInLimit;

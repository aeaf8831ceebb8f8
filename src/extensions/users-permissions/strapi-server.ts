import { z } from '@strapi/utils';
import type { Context } from 'koa';
import { withoutContentApiRoutes } from '../../utils/plugin-routes';
import { AccountWithCapabilities, capabilitiesOf } from './capabilities';

type Controller = (ctx: Context) => Promise<unknown>;
type UsersPermissions = { controllers: { user: { me: Controller } }; routes: Record<string, { routes: { method: string; path: string; response?: unknown }[] }> };

/**
 * The content API keeps what a Hub user does with their own account: sign in, register, confirm,
 * reset and change their password, `/users/me`. No route lists, shows, creates or changes other
 * accounts, roles or permissions: the Hub shows authors through their submissions (display name,
 * organisation, category), and kept, these routes would hand every e-mail address to any token
 * whose type grants reads, such as Strapi's "read-only" tokens. Sign-in with other providers and
 * refresh sessions are not configured here, so their routes go too.
 * `/users/me` adds the user's own role and what it allows (capabilities.ts).
 */
export default <P>(plugin: P): P => {
  const { controllers, routes } = plugin as unknown as UsersPermissions;
  const { user } = controllers;
  const meRoute = routes['content-api'].routes.find((route) => route.method === 'GET' && route.path === '/users/me');
  if (meRoute) meRoute.response = AccountWithCapabilities(meRoute.response as z.ZodObject);
  const me = user.me;
  user.me = async (ctx) => {
    await me(ctx);
    const signedIn = (ctx.state as { user?: Parameters<typeof capabilitiesOf>[1] }).user;
    if (ctx.status === 200 && signedIn && ctx.body && typeof ctx.body === 'object') {
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { ...ctx.body, ...(await capabilitiesOf(strapi, signedIn)) };
    }
  };
  return withoutContentApiRoutes(plugin, [
    'GET /users',
    'GET /users/count',
    'GET /users/:id',
    'POST /users',
    'PUT /users/:id',
    'DELETE /users/:id',
    'GET /roles',
    'GET /roles/:id',
    'POST /roles',
    'PUT /roles/:role',
    'DELETE /roles/:role',
    'GET /permissions',
    'GET /connect/(.*)',
    'GET /auth/:provider/callback',
    'POST /auth/refresh',
    'POST /auth/logout',
    'GET /auth/sessions',
    'DELETE /auth/sessions/:sessionId',
  ]);
};

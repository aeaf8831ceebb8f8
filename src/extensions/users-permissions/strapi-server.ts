import type { Context } from 'koa';
import { withoutContentApiRoutes } from '../../utils/plugin-routes';
import { capabilitiesOf } from './capabilities';

type Controller = (ctx: Context) => Promise<unknown>;
type UsersPermissions = { controllers: { user: { me: Controller } } };

/**
 * No content API route lists or shows other accounts or roles: the Hub shows authors through
 * their submissions (display name, organisation, category). Kept, these routes would hand every
 * e-mail address to any token whose type grants reads, such as Strapi's "read-only" tokens.
 * `/users/me` adds the user's own role and what it allows (capabilities.ts).
 */
export default <P>(plugin: P): P => {
  const { user } = (plugin as unknown as UsersPermissions).controllers;
  const me = user.me;
  user.me = async (ctx) => {
    await me(ctx);
    const signedIn = (ctx.state as { user?: Parameters<typeof capabilitiesOf>[1] }).user;
    if (ctx.status === 200 && signedIn && ctx.body && typeof ctx.body === 'object') ctx.body = { ...ctx.body, ...(await capabilitiesOf(strapi, signedIn)) };
  };
  return withoutContentApiRoutes(plugin, ['GET /users', 'GET /users/count', 'GET /users/:id', 'GET /roles', 'GET /roles/:id']);
};

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import type { Moderator } from '../services/lifecycle';
import type { AdminUser } from '../services/scope';

/** The admin user behind a request, as the services know a moderator: name and region scope. */
export async function moderatorOf(strapi: Core.Strapi, ctx: Context): Promise<Moderator> {
  const user = ctx.state.user as AdminUser;
  const scope = strapi.plugin('moderation').service('scope');
  return { kind: 'moderator', id: user.id, name: scope.displayName(user), scope: await scope.regionsOf(user) };
}

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { moderatorOf } from './moderator';

type Body = Record<string, unknown>;

/** An author beside their submissions, and the sanctions a moderation team may impose on them. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const sanctions = () => strapi.plugin('moderation').service('sanctions');
  const body = (ctx: Context) => (ctx.request.body ?? {}) as Body;
  return {
    async findOne(ctx: Context) {
      ctx.body = { data: await sanctions().context((await moderatorOf(strapi, ctx)).scope, ctx.params.id) };
    },
    async impose(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await sanctions().impose(await moderatorOf(strapi, ctx), ctx.params.id, body(ctx)) };
    },
    async lift(ctx: Context) {
      ctx.body = { data: await sanctions().lift(await moderatorOf(strapi, ctx), ctx.params.id, ctx.params.sanctionId, body(ctx)) };
    },
  };
};

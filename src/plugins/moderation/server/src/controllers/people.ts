import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { moderatorOf } from './moderator';

/** Requests about a stakeholder's personal data, carried out by the secretariat. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const privacy = () => strapi.plugin('moderation').service('privacy');
  return {
    // The address travels in the body, not the URL, so that it stays out of access logs.
    async find(ctx: Context) {
      ctx.body = { data: await privacy().find(((ctx.request.body ?? {}) as { email?: unknown }).email) };
    },
    async export(ctx: Context) {
      const data = await privacy().export(ctx.params.id);
      ctx.set('Content-Disposition', `attachment; filename="personal-data-${data.account.id}.json"`);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = data;
    },
    async erase(ctx: Context) {
      const { confirm } = (ctx.request.body ?? {}) as { confirm?: unknown };
      ctx.body = { data: await privacy().erase(ctx.params.id, confirm, await moderatorOf(strapi, ctx)) };
    },
  };
};

import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';

/** The secretariat's view of outgoing e-mail that could not be sent. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const outbox = () => strapi.plugin('moderation').service('outbox');
  return {
    async overview(ctx: Context) {
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await outbox().overview() };
    },
    async retry(ctx: Context) {
      ctx.body = { data: await outbox().retry(ctx.params.id) };
    },
    async dismiss(ctx: Context) {
      ctx.body = { data: await outbox().dismiss(ctx.params.id) };
    },
  };
};

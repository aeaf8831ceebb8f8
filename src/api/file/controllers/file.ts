import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readerOf } from '../reader';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async download(ctx: Context) {
    const files = strapi.service('api::file.file');
    // Refusals too: what one reader is told is never kept for another.
    ctx.set('Vary', 'Authorization');
    ctx.set('Cache-Control', 'private, no-store');
    await files.respond(ctx, await files.open(ctx.params.name, await readerOf(strapi, ctx)));
  },
});

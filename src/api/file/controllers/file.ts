import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { readerOf } from '../reader';

export default ({ strapi }: { strapi: Core.Strapi }) => ({
  async download(ctx: Context) {
    const files = strapi.service('api::file.file');
    await files.respond(ctx, await files.open(ctx.params.name, await readerOf(strapi, ctx)));
  },
});

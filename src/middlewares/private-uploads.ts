import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import path from 'node:path';

/**
 * /uploads serves the attachments of published submissions only. The requested path is decoded
 * and normalised the way the static server resolves it, so no spelling of a withheld file's
 * address reaches it; the moderation plugin decides what is withheld.
 */
const privateUploads: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  if ((ctx.method === 'GET' || ctx.method === 'HEAD') && ctx.path.toLowerCase().includes('/uploads')) {
    let resolved: string;
    try {
      resolved = path.posix.normalize(decodeURIComponent(ctx.path));
    } catch {
      throw new errors.ValidationError('The address is not validly encoded.');
    }
    if (resolved.startsWith('/uploads/')) {
      const name = resolved.slice('/uploads/'.length);
      if (await strapi.plugin('moderation').service('attachments').isWithheld(name)) {
        throw new errors.NotFoundError('Not Found');
      }
    }
  }
  await next();
};

export default privateUploads;

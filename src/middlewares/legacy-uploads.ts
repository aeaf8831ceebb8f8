import type { Core } from '@strapi/strapi';
import path from 'node:path';

/**
 * Addresses under /uploads, from before files left the public folder, lead to the one route
 * that decides who may read a file. Nothing is stored under public/uploads any more, so a
 * spelling this does not recognise finds nothing there either; the path is read as the static
 * server would read it (decoded, backslashes as slashes, dot segments resolved) all the same.
 */
const legacyUploads: Core.MiddlewareFactory = (_config, { strapi }) => async (ctx, next) => {
  if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
  let resolved: string;
  try {
    resolved = path.posix.normalize(decodeURIComponent(ctx.path).replace(/\\/g, '/'));
  } catch {
    return next();
  }
  const legacy = /^\/+uploads(?:\/+(.*))?$/i.exec(resolved);
  if (!legacy) return next();
  const name = legacy[1] ?? '';
  if (!name || name.includes('/')) {
    ctx.status = 404;
    ctx.body = { data: null, error: { status: 404, name: 'NotFoundError', message: 'No file at this address.' } };
    return;
  }
  const routePrefix = strapi.config.get('plugin::upload.providerOptions.routePrefix', '/api/files') as string;
  ctx.status = 308;
  ctx.redirect(`${routePrefix}/${encodeURIComponent(name)}`);
};

export default legacyUploads;

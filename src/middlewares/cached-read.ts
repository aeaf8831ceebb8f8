import type { Core } from '@strapi/strapi';
import { readCacheFor } from '../read-cache';

/**
 * Answers a Hub read whose answer is kept and current before the rest of the chain (body parsing,
 * the router, authentication, policies); placed after logging, security headers and CORS, so that
 * its answers carry what every answer carries. See src/read-cache.
 */
const cachedRead: Core.MiddlewareFactory = (_config, { strapi }) => readCacheFor(strapi).early;

export default cachedRead;

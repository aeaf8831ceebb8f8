import type { Core, UID } from '@strapi/strapi';
import { readCacheFor } from '../read-cache';

/** Route middleware of the Hub's reads of a type, after published-only: see src/read-cache. */
const readCache: Core.MiddlewareFactory<{ uid: UID.ContentType }> = (config, { strapi }) => readCacheFor(strapi).middleware(config.uid);

export default readCache;

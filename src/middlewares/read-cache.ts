import type { Core } from '@strapi/strapi';
import { readCacheFor } from '../read-cache';

/** Route middleware of the Hub's reads, after published-only: see src/read-cache. */
const readCache: Core.MiddlewareFactory = (_config, { strapi }) => readCacheFor(strapi).middleware;

export default readCache;

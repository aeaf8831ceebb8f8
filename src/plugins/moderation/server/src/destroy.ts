import type { Core } from '@strapi/strapi';

/** The outbox worker stops, and its round in progress ends, before the database closes. */
export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.plugin('moderation').service('outbox').stop();
};

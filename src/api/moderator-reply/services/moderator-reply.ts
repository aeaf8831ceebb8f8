import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::moderator-reply.moderator-reply');

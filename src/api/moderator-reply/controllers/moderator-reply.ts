import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::moderator-reply.moderator-reply');

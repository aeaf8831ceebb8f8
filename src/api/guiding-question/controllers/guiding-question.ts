import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::guiding-question.guiding-question');

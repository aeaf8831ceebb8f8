import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::gcm-objective.gcm-objective');

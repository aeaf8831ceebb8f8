import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::gcm-objective.gcm-objective');

import type { Core } from '@strapi/strapi';

const config: Core.Config.Api = {
  rest: {
    defaultLimit: 25,
    // Without a cap a single request could ask for every row.
    maxLimit: 100,
    withCount: true,
  },
};

export default config;

import { z } from '@strapi/utils';

/**
 * The one address of every stored file. It takes no part in Strapi's route permissions: who may
 * read a file follows from the documents that hold it (services/file.ts), whoever asks.
 */
export default {
  routes: [
    {
      method: 'GET',
      path: '/files/:name',
      handler: 'api::file.file.download',
      config: { auth: false },
      request: { params: { name: z.string().describe('The stored name, as in an attachment\'s url') } },
    },
  ],
};

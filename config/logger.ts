import { formats, winston } from '@strapi/logger';

/** LOG_LEVEL (default http) and everything more severe; the tests run at warn. */
export default {
  transports: [
    new winston.transports.Console({
      level: process.env.LOG_LEVEL ?? 'http',
      format: winston.format.combine(formats.prettyPrint({ timestamps: 'YYYY-MM-DD HH:mm:ss.SSS' })),
    }),
  ],
};

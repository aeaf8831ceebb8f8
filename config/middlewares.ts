import type { Core } from '@strapi/strapi';
import { attachmentLimits } from './submissions';

const MB = 1024 * 1024;

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const { maxFiles, maxFileMb } = attachmentLimits(env);
  const storage = env('S3_PUBLIC_ORIGIN', '') ? [env('S3_PUBLIC_ORIGIN')] : [];
  return [
  'strapi::logger',
  'strapi::errors',
  // The database out of reach answers 503 (and the pool reconnects), not 500.
  'global::database-unavailable',
  {
    name: 'strapi::security',
    config: {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: {
          'connect-src': ["'self'", 'https:'],
          // Uploads kept in S3-compatible storage are shown from its origin (docs/DEPLOYMENT.md).
          'img-src': ["'self'", 'data:', 'blob:', ...storage],
          'media-src': ["'self'", 'data:', 'blob:', ...storage],
          upgradeInsecureRequests: null,
        },
      },
    },
  },
  // Old /uploads addresses lead to /api/files, the one route that decides who reads a file.
  'global::legacy-uploads',
  // Browsers may call the API from the Hub's origins only (CORS_ORIGINS); Strapi's default is any.
  { name: 'strapi::cors', config: { origin: env.array('CORS_ORIGINS', []) } },
  // The Hub's reads answered from the read cache, before the rest of the chain (src/read-cache).
  'global::cached-read',
  'strapi::query',
  // The content API's smaller JSON limit, and the body parsers' refusals (too large,
  // malformed, too many files) as clear 4xx answers.
  { name: 'global::body-limits', config: { contentApiJsonLimit: env('BODY_JSON_LIMIT', '256kb'), maxFileMb } },
  {
    name: 'strapi::body',
    config: {
      // The admin panel's (a summary's text can be large); the content API's is BODY_JSON_LIMIT.
      jsonLimit: env('BODY_ADMIN_JSON_LIMIT', '4mb'),
      formLimit: env('BODY_FORM_LIMIT', '256kb'),
      textLimit: env('BODY_TEXT_LIMIT', '256kb'),
      formidable: {
        maxFileSize: maxFileMb * MB,
        maxFiles,
        maxTotalFileSize: maxFiles * maxFileMb * MB,
        maxFields: 20,
        maxFieldsSize: 256 * 1024,
      },
    },
  },
  // Failed Hub sign-ins per account (the per-address limit is Strapi's, in config/plugins.ts).
  { name: 'global::sign-in-limit', config: { max: env.int('LOGIN_RATE_LIMIT', 10), windowMinutes: env.int('LOGIN_RATE_WINDOW_MINUTES', 15) } },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
  ];
};

export default config;

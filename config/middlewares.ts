import type { Core } from '@strapi/strapi';

const MB = 1024 * 1024;

const config = ({ env }: Core.Config.Shared.ConfigParams) => [
  'strapi::logger',
  'strapi::errors',
  'strapi::security',
  'strapi::cors',
  'strapi::poweredBy',
  'strapi::query',
  // The body parsers' refusals (too large, malformed, too many files) as clear 4xx answers.
  'global::body-errors',
  {
    name: 'strapi::body',
    config: {
      jsonLimit: env('BODY_JSON_LIMIT', '256kb'),
      formLimit: env('BODY_FORM_LIMIT', '256kb'),
      textLimit: env('BODY_TEXT_LIMIT', '256kb'),
      formidable: {
        maxFileSize: env.int('UPLOAD_MAX_FILE_MB', 20) * MB,
        maxFiles: env.int('UPLOAD_MAX_FILES', 5),
        maxTotalFileSize: env.int('UPLOAD_MAX_FILES', 5) * env.int('UPLOAD_MAX_FILE_MB', 20) * MB,
        maxFields: 20,
        maxFieldsSize: 256 * 1024,
      },
    },
  },
  'strapi::session',
  'strapi::favicon',
  'strapi::public',
];

export default config;

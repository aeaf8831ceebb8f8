import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** Attachments of one submission; the body parser (config/middlewares.ts) applies the same limits. */
export const attachmentLimits = (env: Env) => ({
  maxFiles: env.int('UPLOAD_MAX_FILES', 5),
  maxFileMb: env.int('UPLOAD_MAX_FILE_MB', 20),
});

/** Abuse limits on posting through the content API. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  rateLimit: {
    /** New submissions one user may make per window; past it, 429. */
    max: env.int('SUBMISSION_RATE_LIMIT', 10),
    windowMinutes: env.int('SUBMISSION_RATE_WINDOW_MINUTES', 60),
  },
  attachments: attachmentLimits(env),
});

export default config;

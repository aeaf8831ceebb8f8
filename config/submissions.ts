import type { Core } from '@strapi/strapi';

/** Abuse limits on posting through the content API. */
const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  rateLimit: {
    /** New submissions one user may make per window; past it, 429. */
    max: env.int('SUBMISSION_RATE_LIMIT', 10),
    windowMinutes: env.int('SUBMISSION_RATE_WINDOW_MINUTES', 60),
  },
});

export default config;

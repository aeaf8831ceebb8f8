import type { Core } from '@strapi/strapi';

/** A positive whole number from the environment, or the default: NaN would switch Strapi's limit off. */
const positive = (value: number, fallback: number) => (Number.isInteger(value) && value > 0 ? value : fallback);

// Strapi refuses to start without these secrets, so a missing one is reported there.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Admin => ({
  auth: {
    secret: env('ADMIN_JWT_SECRET') as string,
  },
  apiToken: {
    salt: env('API_TOKEN_SALT') as string,
  },
  transfer: {
    token: {
      salt: env('TRANSFER_TOKEN_SALT') as string,
    },
  },
  secrets: {
    encryptionKey: env('ENCRYPTION_KEY') as string,
  },
  // Strapi's own limit on admin sign-ins, per account and address: 5 in 5 minutes unless raised.
  rateLimit: {
    enabled: true,
    max: positive(env.int('ADMIN_LOGIN_RATE_LIMIT', 5), 5),
  },
  flags: {
    nps: false,
    promoteEE: false,
  },
});

export default config;

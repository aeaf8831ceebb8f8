import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      register: {
        // What a Hub user may say about themselves when registering. Never the role:
        // roles are assigned by the secretariat.
        allowedFields: ['displayName', 'organisation', 'stakeholderCategory', 'country'],
      },
    },
  },
});

export default config;

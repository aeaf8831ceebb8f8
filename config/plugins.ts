import type { Core } from '@strapi/strapi';

type Env = Core.Config.Shared.ConfigParams['env'];

/** `EMAIL_PROVIDER=smtp` sends through an SMTP server; the default writes messages to the log. */
const email = (env: Env) => ({
  config: {
    ...(env('EMAIL_PROVIDER', 'log') === 'smtp'
      ? {
          provider: 'nodemailer',
          providerOptions: {
            host: env('SMTP_HOST', '127.0.0.1'),
            port: env.int('SMTP_PORT', 587),
            secure: env.bool('SMTP_SECURE', false),
            ignoreTLS: env.bool('SMTP_IGNORE_TLS', false),
            ...(env('SMTP_USERNAME') ? { auth: { user: env('SMTP_USERNAME'), pass: env('SMTP_PASSWORD') } } : {}),
          },
        }
      : { provider: 'strapi-provider-email-log' }),
    settings: {
      defaultFrom: env('EMAIL_FROM', 'GCM discussion spaces <no-reply@example.org>'),
      defaultReplyTo: env('EMAIL_REPLY_TO', 'no-reply@example.org'),
    },
  },
});

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
  email: email(env),
  moderation: {
    enabled: true,
    resolve: './src/plugins/moderation',
    config: {
      moderatorNotifications: env('MODERATOR_NOTIFICATIONS', 'immediate'),
      digestSchedule: env('MODERATOR_DIGEST_SCHEDULE', '0 7 * * *'),
      adminUrl: `${env('PUBLIC_URL', 'http://localhost:1337')}/admin`,
    },
  },
});

export default config;

import type { Core } from '@strapi/strapi';
import path from 'node:path';

/** The upload provider of src/providers/upload-private; its name is what the files table records. */
export const UPLOAD_PROVIDER = 'strapi-provider-upload-private';

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
            // SMTP_POOL=true keeps connections open between messages, for a busy outbox.
            pool: env.bool('SMTP_POOL', false),
            // A send gives up well within the outbox's lease on a message (services/outbox.ts).
            connectionTimeout: 30_000,
            greetingTimeout: 30_000,
            socketTimeout: 60_000,
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

/**
 * Every upload goes to storage that nothing serves statically (docs/SECURITY.md): a private
 * folder (`UPLOAD_DIR`), or with `UPLOAD_PROVIDER=s3` a private S3-compatible bucket, which several
 * instances share (docs/DEPLOYMENT.md). Each file is known by one address, the authorising route
 * `/api/files/<name>`; for a bucket, that route answers with a URL signed at that moment.
 */
const upload = (env: Env) => ({
  config: {
    provider: UPLOAD_PROVIDER,
    providerOptions:
      env('UPLOAD_PROVIDER', 'local') === 's3'
        ? {
            store: 's3',
            s3: {
              baseUrl: env('S3_BASE_URL'),
              rootPath: env('S3_ROOT_PATH'),
              s3Options: {
                credentials: { accessKeyId: env('S3_ACCESS_KEY_ID'), secretAccessKey: env('S3_SECRET_ACCESS_KEY') },
                region: env('S3_REGION', 'us-east-1'),
                ...(env('S3_ENDPOINT') ? { endpoint: env('S3_ENDPOINT') } : {}),
                forcePathStyle: env.bool('S3_FORCE_PATH_STYLE', false),
                params: { Bucket: env('S3_BUCKET'), ACL: 'private', signedUrlExpires: env.int('S3_URL_EXPIRES', 900) },
              },
            },
          }
        : { store: 'folder', directory: path.resolve(env('UPLOAD_DIR', 'storage/uploads')) },
  },
});

const config = ({ env }: Core.Config.Shared.ConfigParams) => ({
  upload: upload(env),
  'users-permissions': {
    config: {
      jwtSecret: env('JWT_SECRET'),
      jwt: { expiresIn: env('JWT_EXPIRES_IN', '7d') },
      // Sign-in, registration and password routes: attempts per address per window (Strapi's own
      // limiter, 10 a minute by default). High enough for an office or a Hub server behind one
      // address; guessing one account's password is stopped per account (src/middlewares/sign-in-limit.ts).
      ratelimit: { interval: env.int('LOGIN_RATE_WINDOW_MINUTES', 15) * 60 * 1000, max: env.int('LOGIN_RATE_LIMIT_PER_ADDRESS', 100) },
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
      outbox: {
        pollMs: env.int('OUTBOX_POLL_MS', 5000),
        retryAfterMs: env.int('OUTBOX_RETRY_AFTER_MS', 30_000),
        maxRetryAfterMs: env.int('OUTBOX_MAX_RETRY_AFTER_MS', 60 * 60 * 1000),
        maxAttempts: env.int('OUTBOX_MAX_ATTEMPTS', 10),
      },
    },
  },
});

export default config;

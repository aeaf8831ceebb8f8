import path from 'path';
import type { Core } from '@strapi/strapi';

type Client = 'sqlite' | 'postgres';

const config = ({ env }: Core.Config.Shared.ConfigParams) => {
  const client = env('DATABASE_CLIENT', 'sqlite') as Client;
  if (client !== 'sqlite' && client !== 'postgres') {
    throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres", not "${client}"`);
  }

  const connections = {
    postgres: {
      connection: {
        connectionString: env('DATABASE_URL'),
        host: env('DATABASE_HOST', '127.0.0.1'),
        port: env.int('DATABASE_PORT', 5432),
        database: env('DATABASE_NAME', 'gcm_discussion'),
        user: env('DATABASE_USERNAME', 'postgres'),
        password: env('DATABASE_PASSWORD', ''),
        ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
        schema: env('DATABASE_SCHEMA', 'public'),
      },
      pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
    },
    sqlite: {
      connection: {
        // An empty DATABASE_FILENAME in .env must not become "unable to open database file".
        filename: path.resolve(process.cwd(), env('DATABASE_FILENAME', '') || '.tmp/data.db'),
      },
      useNullAsDefault: true,
      pool: {
        // Opened as a server's database: readers do not wait for a writer (WAL), a writer waits its
        // turn instead of failing with "database is locked" when another process writes (busy
        // timeout, as several instances or `strapi start` beside tests do), foreign keys enforced.
        afterCreate: (connection: { pragma: (statement: string) => unknown }, done: (error: Error | null, connection: unknown) => void) => {
          try {
            connection.pragma('journal_mode = WAL');
            connection.pragma(`busy_timeout = ${env.int('DATABASE_BUSY_TIMEOUT', 10000)}`);
            connection.pragma('foreign_keys = ON');
            done(null, connection);
          } catch (error) {
            done(error as Error, connection);
          }
        },
      },
    },
  };

  return {
    connection: {
      client,
      ...connections[client],
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;

import type { Core } from '@strapi/strapi';

// Strapi refuses to start without app keys, so a missing APP_KEYS is reported there.
const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Server => ({
  host: env('HOST', '0.0.0.0'),
  port: env.int('PORT', 1337),
  url: env('PUBLIC_URL', ''),
  // The moderators' daily digest (MODERATOR_NOTIFICATIONS=daily) runs as a cron task.
  cron: { enabled: true },
  // Behind a load balancer or reverse proxy (TRUST_PROXY=true), the client's address is read from
  // X-Forwarded-For, counting TRUST_PROXY_HOPS proxies from the right (docs/DEPLOYMENT.md).
  proxy: { koa: env.bool('TRUST_PROXY', false), maxIpsCount: env.int('TRUST_PROXY_HOPS', 1) },
  // Robots and the favicon only: uploaded files live in private storage (config/plugins.ts).
  dirs: { public: env('PUBLIC_DIR', './public') },
  app: {
    keys: env.array('APP_KEYS') as string[],
  },
});

export default config;

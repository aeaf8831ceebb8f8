type Route = { method: string; path: string };
type PluginWithRoutes = { routes: Record<string, { routes: Route[] }> };

/**
 * Removes content API routes of a plugin, named as "METHOD /path". A name that matches no route
 * stops the start: a route renamed by a Strapi upgrade must not stay open unnoticed.
 */
export function withoutContentApiRoutes<P>(plugin: P, removed: readonly string[]): P {
  const contentApi = (plugin as unknown as PluginWithRoutes).routes['content-api'];
  const name = (route: Route) => `${route.method} ${route.path}`;
  const missing = removed.filter((r) => !contentApi.routes.some((route) => name(route) === r));
  if (missing.length) throw new Error(`No content API route ${missing.join(', ')} to remove: check src/extensions after a Strapi upgrade.`);
  const unwanted = new Set(removed);
  contentApi.routes = contentApi.routes.filter((route) => !unwanted.has(name(route)));
  return plugin;
}

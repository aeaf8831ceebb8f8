type Route = { method: string; path: string };
type PluginWithRoutes = { routes: Record<string, { routes: Route[] }> };

/** Removes content API routes of a plugin, named as "METHOD /path". */
export function withoutContentApiRoutes<P>(plugin: P, removed: readonly string[]): P {
  const contentApi = (plugin as unknown as PluginWithRoutes).routes['content-api'];
  const unwanted = new Set(removed);
  contentApi.routes = contentApi.routes.filter((route) => !unwanted.has(`${route.method} ${route.path}`));
  return plugin;
}

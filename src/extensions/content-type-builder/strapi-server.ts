import { withoutContentApiRoutes } from '../../utils/plugin-routes';

/** The content model is the admin panel's and docs/openapi.json's to describe, not a content API route's (it names private fields). */
export default <P>(plugin: P): P => withoutContentApiRoutes(plugin, ['GET /content-types', 'GET /content-types/:uid', 'GET /components', 'GET /components/:uid']);

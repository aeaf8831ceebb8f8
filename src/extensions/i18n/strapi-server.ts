import { withoutContentApiRoutes } from '../../utils/plugin-routes';

/** The locales of guiding questions are fixed (the six UN languages, docs/API.md); no Hub role is granted their list. */
export default <P>(plugin: P): P => withoutContentApiRoutes(plugin, ['GET /locales']);

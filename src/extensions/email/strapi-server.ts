import { withoutContentApiRoutes } from '../../utils/plugin-routes';

/** The Hub sends no e-mail: `POST /api/email` would let any token that is granted it write to anyone. */
export default <P>(plugin: P): P => withoutContentApiRoutes(plugin, ['POST /']);

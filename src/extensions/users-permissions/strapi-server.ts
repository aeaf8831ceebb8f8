import { withoutContentApiRoutes } from '../../utils/plugin-routes';

/**
 * No content API route lists or shows other accounts or roles: the Hub shows authors through
 * their submissions (display name, organisation, category). Kept, these routes would hand every
 * e-mail address to any token whose type grants reads, such as Strapi's "read-only" tokens.
 */
export default <P>(plugin: P): P =>
  withoutContentApiRoutes(plugin, ['GET /users', 'GET /users/count', 'GET /users/:id', 'GET /roles', 'GET /roles/:id']);

import { withoutContentApiRoutes } from '../../utils/plugin-routes';

/**
 * The media library is not browsable through the content API: attachments of unapproved
 * submissions are listed there too. The Hub reaches files through the published documents
 * that carry them.
 */
export default <P>(plugin: P): P =>
  withoutContentApiRoutes(plugin, ['GET /files', 'GET /files/page', 'GET /files/:id']);

import type { Core } from '@strapi/strapi';
import { withoutContentApiRoutes } from '../../utils/plugin-routes';

type UploadService = Record<string, (...args: unknown[]) => Promise<unknown>>;
type UploadPlugin = { services: Record<string, (deps: { strapi: Core.Strapi }) => UploadService>; contentTypes: { file: { schema: { attributes: Record<string, { private?: boolean }> } } } };

/** How a file is stored is the server's business: the Hub gets its name, type, size and its one address. */
const STORAGE_FIELDS = ['provider', 'provider_metadata', 'folderPath'];

/**
 * The upload plugin, narrowed to what the product needs.
 * - Files populated in the content API say nothing of where they are stored.
 * - No content API route: the Hub posts files with a submission and reads them through
 *   `/api/files`, never by browsing, uploading or deleting in the Media Library.
 * - A file that a submission holds is not replaced, renamed or removed through the upload
 *   service, whoever calls it (the Media Library of any role included), and no upload attaches
 *   itself to a submission: its files change only through posting and moderation. Checked
 *   before the provider touches the stored bytes.
 */
export default <P>(plugin: P): P => {
  withoutContentApiRoutes(plugin, ['POST /', 'GET /files', 'GET /files/page', 'GET /files/:id', 'DELETE /files/:id']);
  const fileAttributes = (plugin as unknown as UploadPlugin).contentTypes.file.schema.attributes;
  for (const name of STORAGE_FIELDS) if (fileAttributes[name]) fileAttributes[name].private = true;
  const services = (plugin as unknown as UploadPlugin).services;
  const createUploadService = services.upload;
  services.upload = (deps) => {
    const upload = createUploadService(deps);
    const guard = () => deps.strapi.service('api::file.file');
    return {
      ...upload,
      async upload(input: unknown, ...rest: unknown[]) {
        guard().assertNotAttachingToSubmission((input as { data?: unknown } | null)?.data);
        return upload.upload(input, ...rest);
      },
      async replace(id: unknown, ...rest: unknown[]) {
        await guard().assertNotModerated(id);
        return upload.replace(id, ...rest);
      },
      async updateFileInfo(id: unknown, ...rest: unknown[]) {
        await guard().assertNotModerated(id);
        return upload.updateFileInfo(id, ...rest);
      },
      async remove(file: unknown, ...rest: unknown[]) {
        await guard().assertNotModerated((file as { id?: unknown } | null)?.id);
        return upload.remove(file, ...rest);
      },
    };
  };
  return plugin;
};

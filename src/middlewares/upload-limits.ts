import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The multipart parser (formidable) throws plain errors with an HTTP code when a request has
 * too many or too large files; Strapi would answer those with a 500. Answer what was exceeded.
 */
const uploadLimits: Core.MiddlewareFactory = () => async (_ctx, next) => {
  try {
    await next();
  } catch (error) {
    const httpCode = (error as { httpCode?: number }).httpCode;
    if (typeof httpCode === 'number' && httpCode >= 400 && httpCode < 500) {
      const message = `The upload was refused: ${(error as Error).message}. At most 5 files of at most 20 MB each.`;
      throw httpCode === 413 ? new errors.PayloadTooLargeError(message) : new errors.ValidationError(message);
    }
    throw error;
  }
};

export default uploadLimits;

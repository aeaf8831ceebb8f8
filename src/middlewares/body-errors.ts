import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * The body parsers throw plain errors for what a client sent: formidable with an `httpCode`
 * (too many or too large files), co-body with a `type` and a 4xx `status` (too large,
 * malformed JSON).
 * Strapi would log those as server errors; answer them as the client errors they are.
 */
const bodyErrors: Core.MiddlewareFactory = () => async (_ctx, next) => {
  try {
    await next();
  } catch (error) {
    // co-body (raw-body) marks its errors with a `type` such as "entity.too.large".
    const e = error as { httpCode?: number; status?: number; type?: unknown; message: string };
    const status = typeof e.httpCode === 'number' ? e.httpCode : typeof e.type === 'string' ? e.status : undefined;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      const message = typeof e.httpCode === 'number' ? `The upload was refused: ${e.message} (see the attachment limits in docs/API.md).` : `The request body was refused: ${e.message}.`;
      throw status === 413 ? new errors.PayloadTooLargeError(message) : new errors.ValidationError(message);
    }
    throw error;
  }
};

export default bodyErrors;

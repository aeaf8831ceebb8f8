import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import bytes from 'bytes';

type Config = { contentApiJsonLimit?: string; maxFileMb?: number };

/**
 * Request bodies, before and around Strapi's body parser.
 *
 * The content API takes small bodies (BODY_JSON_LIMIT); the admin panel needs larger ones, such
 * as a summary of thousands of submissions, so the parser's own limit is the admin panel's and
 * a larger declared content API body is refused here, before it is read.
 *
 * The parsers throw plain errors for what a client sent: formidable with an `httpCode` (too
 * many or too large files), co-body with a `type` and a 4xx `status` (too large, malformed
 * JSON). Strapi would log those as server errors; they are answered as the client errors they are.
 */
const bodyLimits: Core.MiddlewareFactory<Config> = (config) => {
  const contentApiLimit = bytes.parse(config.contentApiJsonLimit ?? '256kb');
  if (contentApiLimit === null) throw new Error(`BODY_JSON_LIMIT "${config.contentApiJsonLimit}" is not a size such as 256kb`);
  return async (ctx, next) => {
    if (ctx.path.startsWith('/api/') && ctx.is('json') && Number(ctx.get('content-length')) > contentApiLimit) {
      throw new errors.PayloadTooLargeError(`The request body is too large: a JSON body may be at most ${bytes.format(contentApiLimit)}.`);
    }
    try {
      await next();
      // Strapi's body parser answers a too large file itself, with the bare message "FileTooBig".
      const answer = ctx.body as { error?: { message?: string } } | undefined;
      if (ctx.status === 413 && answer?.error?.message === 'FileTooBig') {
        answer.error.message = `The upload was refused: a file is larger than ${config.maxFileMb ?? 20} MB (see the attachment limits in docs/API.md).`;
      }
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
};

export default bodyLimits;

import { factories } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Context } from 'koa';
import type { UploadedFile } from '../attachments';

const UID = 'api::submission.submission';

/** `data` as JSON, or as a JSON string in a multipart form that also carries `files`. */
function readPosting(ctx: Context): { data: unknown; files: UploadedFile[] } {
  const body = (ctx.request.body ?? {}) as { data?: unknown };
  const raw = (ctx.request as { files?: { files?: UploadedFile | UploadedFile[] } }).files?.files;
  const files = raw ? (Array.isArray(raw) ? raw : [raw]) : [];
  if (typeof body.data === 'string') {
    try {
      return { data: JSON.parse(body.data), files };
    } catch {
      throw new errors.ValidationError('The "data" field of the form must hold the submission as JSON.');
    }
  }
  return { data: body.data, files };
}

/** An author's own submissions, in every state: for them alone, kept by no cache. */
const ownAnswer = (ctx: Context, body: unknown, status = 200) => {
  ctx.set('Cache-Control', 'private, no-store');
  ctx.status = status;
  ctx.body = body;
};

export default factories.createCoreController(UID, ({ strapi }) => ({
  async create(ctx: Context) {
    const { data, files } = readPosting(ctx);
    ownAnswer(ctx, { data: await strapi.service(UID).submit(ctx.state.user, data, files) }, 201);
  },

  async mine(ctx: Context) {
    ownAnswer(ctx, await strapi.service(UID).listOwn(ctx.state.user, ctx.query));
  },

  async mineOne(ctx: Context) {
    ownAnswer(ctx, { data: await strapi.service(UID).findOwn(ctx.state.user, ctx.params.id) });
  },

  /** PUT on one's own returned submission: the changed version, sent back to the moderators. */
  async resubmit(ctx: Context) {
    const { data, files } = readPosting(ctx);
    ownAnswer(ctx, { data: await strapi.service(UID).resubmitOwn(ctx.state.user, ctx.params.id, data, files) });
  },

  async withdraw(ctx: Context) {
    ownAnswer(ctx, { data: await strapi.service(UID).withdrawOwn(ctx.state.user, ctx.params.id) });
  },
}));

import type { Core } from '@strapi/strapi';
import { createHash } from 'node:crypto';
import type { Context } from 'koa';
import { rejectionReasonsOf, type ModerationConfig } from '../config';
import { moderatorOf } from './moderator';

type Body = Record<string, unknown>;

/** Thin admin controllers: who acts (and on which regions) comes from the session, the rest from the lifecycle service. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('moderation').service(name);

  const moderator = (ctx: Context) => moderatorOf(strapi, ctx);
  const body = (ctx: Context) => (ctx.request.body ?? {}) as Body;

  return {
    /**
     * The queue, with who else is on each row. The workspace polls it: an ETag and `no-cache` let
     * the browser revalidate, so an unchanged queue costs a 304 and no body.
     */
    async find(ctx: Context) {
      const me = await moderator(ctx);
      const queue = (await service('queue').list(me.scope, ctx.query)) as { data: { documentId: string }[] };
      const others = await service('presence').others(queue.data.map((row) => row.documentId), me.id);
      ctx.body = { ...queue, data: queue.data.map((row) => ({ ...row, others: others[row.documentId] ?? [] })) };
      ctx.set('Cache-Control', 'private, no-cache');
      ctx.set('ETag', `"${createHash('sha1').update(JSON.stringify(ctx.body)).digest('base64url')}"`);
      if (ctx.fresh) ctx.status = 304;
    },
    async findOne(ctx: Context) {
      const me = await moderator(ctx);
      const submission = (await service('queue').detail(me.scope, ctx.params.documentId)) as { documentId: string };
      const others = await service('presence').others([submission.documentId], me.id);
      ctx.body = { data: { ...submission, others: others[submission.documentId] ?? [] } };
    },
    async present(ctx: Context) {
      ctx.body = { data: await service('presence').mark(ctx.params.documentId, await moderator(ctx)) };
    },
    async leave(ctx: Context) {
      await service('presence').leave(ctx.params.documentId, await moderator(ctx));
      ctx.status = 204;
    },
    async approve(ctx: Context) {
      ctx.body = { data: await service('lifecycle').approve(ctx.params.documentId, await moderator(ctx)) };
    },
    async reject(ctx: Context) {
      ctx.body = { data: await service('lifecycle').reject(ctx.params.documentId, await moderator(ctx), body(ctx).reason) };
    },
    async retract(ctx: Context) {
      ctx.body = { data: await service('lifecycle').retract(ctx.params.documentId, await moderator(ctx), body(ctx).to, body(ctx).reason) };
    },
    async attachmentText(ctx: Context) {
      ctx.set('Cache-Control', 'private, no-store');
      ctx.body = { data: await service('attachments').text((await moderator(ctx)).scope, ctx.params.documentId, ctx.params.fileId) };
    },
    /** A picture of the page, never the file: nothing in it can run, and the headers say so again. */
    async attachmentPreview(ctx: Context) {
      const { png, pages } = await service('attachments').preview((await moderator(ctx)).scope, ctx.params.documentId, ctx.params.fileId, ctx.query.page);
      ctx.set('Cache-Control', 'private, no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Content-Security-Policy', "default-src 'none'; sandbox");
      ctx.set('X-Page-Count', String(pages));
      ctx.type = 'image/png';
      ctx.body = png;
    },
    async returnForEdits(ctx: Context) {
      ctx.body = { data: await service('lifecycle').returnForEdits(ctx.params.documentId, await moderator(ctx), body(ctx).note) };
    },
    async overview(ctx: Context) {
      const scope = (await moderator(ctx)).scope;
      ctx.body = {
        data: {
          regions: await service('queue').overview(scope),
          // Per language: the workspace offers those of the submission's language.
          rejectionReasons: rejectionReasonsOf(strapi.plugin('moderation').config('rejectionReasons') as ModerationConfig['rejectionReasons']),
        },
      };
    },
    async redact(ctx: Context) {
      ctx.body = { data: await service('lifecycle').redact(ctx.params.documentId, await moderator(ctx), body(ctx)) };
    },
    async translate(ctx: Context) {
      ctx.body = { data: await service('lifecycle').translate(ctx.params.documentId, await moderator(ctx), body(ctx)) };
    },
    async bulk(ctx: Context) {
      const { action, documentIds, reason, to } = body(ctx);
      ctx.body = { data: await service('lifecycle').bulk(action, documentIds, await moderator(ctx), reason, to) };
    },
    async reply(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await service('lifecycle').reply(ctx.params.documentId, await moderator(ctx), body(ctx).body) };
    },
  };
};

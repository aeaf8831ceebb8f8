import type { Core } from '@strapi/strapi';
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
    async find(ctx: Context) {
      ctx.body = await service('queue').list((await moderator(ctx)).scope, ctx.query);
    },
    async findOne(ctx: Context) {
      ctx.body = { data: await service('queue').detail((await moderator(ctx)).scope, ctx.params.documentId) };
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
      const { action, documentIds, reason } = body(ctx);
      ctx.body = { data: await service('lifecycle').bulk(action, documentIds, await moderator(ctx), reason) };
    },
    async reply(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await service('lifecycle').reply(ctx.params.documentId, await moderator(ctx), body(ctx).body) };
    },
  };
};

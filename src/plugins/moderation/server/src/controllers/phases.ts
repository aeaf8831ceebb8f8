import type { Core } from '@strapi/strapi';
import type { Context } from 'koa';
import { moderatorOf } from './moderator';

/** Phases as moderators and the secretariat follow them: dashboard, outreach, exports, summaries. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const service = (name: string) => strapi.plugin('moderation').service(name);
  const attachment = (ctx: Context, contentType: string, filename: string) => {
    ctx.set('Content-Type', contentType);
    ctx.set('Content-Disposition', `attachment; filename="${filename}"`);
  };

  return {
    async find(ctx: Context) {
      ctx.body = { data: await service('dashboard').phases((await moderatorOf(strapi, ctx)).scope) };
    },
    async dashboard(ctx: Context) {
      ctx.body = { data: await service('dashboard').forPhase((await moderatorOf(strapi, ctx)).scope, ctx.params.documentId) };
    },
    async outreach(ctx: Context) {
      ctx.body = { data: await service('outreach').list(await moderatorOf(strapi, ctx), ctx.params.documentId) };
    },
    async recordOutreach(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await service('outreach').record(await moderatorOf(strapi, ctx), ctx.params.documentId, (ctx.request.body ?? {}) as Record<string, unknown>) };
    },
    async export(ctx: Context) {
      const { stream, contentType, filename } = await service('exports').open((await moderatorOf(strapi, ctx)).scope, ctx.params.documentId, ctx.query.format, ctx.query.language);
      attachment(ctx, contentType, filename);
      ctx.body = stream;
    },
    async generateSummary(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await service('summaries').generate(await moderatorOf(strapi, ctx), ctx.params.documentId) };
    },
    async questions(ctx: Context) {
      ctx.body = { data: await service('questions').list((await moderatorOf(strapi, ctx)).scope) };
    },
    async questionDrafts(ctx: Context) {
      ctx.body = { data: await service('questions').list((await moderatorOf(strapi, ctx)).scope, { drafting: true }) };
    },
    async draftQuestion(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await service('questions').draft((await moderatorOf(strapi, ctx)).scope, (ctx.request.body ?? {}) as Record<string, unknown>) };
    },
    async shareQuestion(ctx: Context) {
      const { shared, regions } = (ctx.request.body ?? {}) as { shared?: unknown; regions?: unknown };
      ctx.body = { data: await service('questions').share((await moderatorOf(strapi, ctx)).scope, ctx.params.documentId, shared, regions) };
    },
    async postQuestion(ctx: Context) {
      ctx.body = { data: await service('questions').post((await moderatorOf(strapi, ctx)).scope, ctx.params.documentId) };
    },
    async questionFeedback(ctx: Context) {
      ctx.status = 201;
      ctx.body = { data: await service('questions').comment(await moderatorOf(strapi, ctx), ctx.params.documentId, (ctx.request.body as { body?: unknown } | undefined)?.body) };
    },
    async downloadSummary(ctx: Context) {
      const { body, contentType, filename } = await service('summaries').download((await moderatorOf(strapi, ctx)).scope, ctx.params.documentId, ctx.query.format);
      attachment(ctx, contentType, filename);
      ctx.body = body;
    },
  };
};

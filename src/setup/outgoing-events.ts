import type { Core } from '@strapi/strapi';
import { HUB_READABLE_TYPES } from './access';

type Attribute = { type: string; target?: string };
type Info = { model?: string; uid?: string; entry?: Record<string, unknown> & { documentId?: string; publishedAt?: string | null; locale?: string | null }; media?: { id?: number; documentId?: string } };
type Runner = { run: (webhook: unknown, event: string, info?: Info) => Promise<unknown> };

const HUB_READABLE = new Set<string>(HUB_READABLE_TYPES);
const ENTRY_EVENTS = new Set(['entry.create', 'entry.update', 'entry.delete', 'entry.publish', 'entry.unpublish', 'entry.draft-discard']);

/**
 * Outgoing events (Strapi's webhooks, Settings > Webhooks) carry only what the content API would
 * show, and only when it changes for the Hub:
 * - for a type with draft & publish (submissions, replies, questions, summaries): publication,
 *   with the published document; unpublication (retraction, erasure) and deletion of what was
 *   published, with its documentId alone; nothing about drafts (posting, pending changes);
 * - for a type without (regions, phases, objectives): every change, with the document;
 * - nothing at all about any other type (accounts, the moderation log, the workspace's records),
 *   nor about files posted with submissions (a removed file is named by its ids alone).
 * Strapi sends its own payload otherwise, deep-populated: that would carry draft rows of related
 * types and the names of files awaiting moderation.
 */
export function filterOutgoingEvents(strapi: Core.Strapi): void {
  const runner = strapi.get('webhookRunner') as Runner;
  const run = runner.run.bind(runner);
  runner.run = async (webhook, event, info = {}) => {
    const shown = await hubView(strapi, event, info);
    return shown ? run(webhook, event, shown) : { statusCode: 204, message: 'Not sent: nothing the Hub reads has changed.' };
  };
}

async function hubView(strapi: Core.Strapi, event: string, info: Info): Promise<Info | null> {
  if (event.startsWith('media.')) {
    const { id, documentId } = info.media ?? {};
    // A removed file: which one, nothing of what it was.
    if (event === 'media.delete') return { media: { id, documentId } };
    const apiUploads = (await strapi.plugin('upload').service('api-upload-folder').getAPIUploadFolder()) as { path: string };
    const file = (await strapi.db.query('plugin::upload.file').findOne({ where: { id }, select: ['folderPath'] })) as { folderPath?: string } | null;
    return file && file.folderPath !== apiUploads.path ? info : null;
  }
  if (!ENTRY_EVENTS.has(event)) return info;
  const uid = info.uid ?? '';
  if (!HUB_READABLE.has(uid) || !info.entry?.documentId) return null;
  const model = strapi.getModel(uid as never) as unknown as { options?: { draftAndPublish?: boolean }; attributes: Record<string, Attribute> };
  const { documentId, locale } = info.entry;
  const draftAndPublish = Boolean(model.options?.draftAndPublish);
  const gone = { model: info.model, uid, entry: { documentId, ...(locale ? { locale } : {}) } };

  if (draftAndPublish) {
    if (event === 'entry.unpublish') return gone;
    if (event === 'entry.delete') return info.entry.publishedAt ? gone : null;
    if (event !== 'entry.publish') return null;
  } else if (event === 'entry.delete') {
    return gone;
  }
  // The document as the content API shows it: its own fields, files, components, and relations
  // to types without draft & publish (whose rows are all public).
  const populate = Object.entries(model.attributes)
    .filter(([, a]) => a.type === 'media' || a.type === 'component' || (a.type === 'relation' && isAlwaysPublic(strapi, a.target)))
    .map(([name]) => name);
  const document = await strapi.documents(uid as never).findOne({ documentId, ...(draftAndPublish ? { status: 'published' } : {}), ...(locale ? { locale } : {}), populate } as never);
  if (!document) return null;
  const entry = (await strapi.contentAPI.sanitize.output(document, model as never, { auth: undefined as never })) as Info['entry'];
  return { model: info.model, uid, entry };
}

function isAlwaysPublic(strapi: Core.Strapi, target?: string): boolean {
  if (!target || !HUB_READABLE.has(target)) return false;
  return !(strapi.getModel(target as never) as unknown as { options?: { draftAndPublish?: boolean } }).options?.draftAndPublish;
}

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { GCM_OBJECTIVES, STAKEHOLDER_CATEGORIES, SUBMISSION_KINDS } from '../../../../../reference/gcm';
import { SUBMISSION } from '../constants';
import type { RegionScope } from './scope';

/** An approved submission as exports and summaries spell it out. */
export type ApprovedSubmission = {
  documentId: string;
  /** Where it is read: the content API's address (the Hub has no address of its own for a submission). */
  url: string;
  title: string;
  body: string;
  kind: string;
  authorName: string | null;
  organisation: string | null;
  stakeholderCategory: string | null;
  countries: string[];
  gcmObjectives: { number: number; title: string }[];
  guidingQuestion: { position: number; text: string } | null;
  language: string;
  links: { url: string; label: string | null }[];
  attachments: { name: string; url: string; mime: string }[];
  replyTo: string | null;
  submittedAt: string;
  approvedAt: string | null;
};

export const kindLabel = (kind: string) => SUBMISSION_KINDS[kind as keyof typeof SUBMISSION_KINDS] ?? kind;
export const categoryLabel = (code: string | null) => (code ? STAKEHOLDER_CATEGORIES[code as keyof typeof STAKEHOLDER_CATEGORIES] ?? code : '');

const PAGE = 200;

/** Reads the approved (published) submissions of a phase, page by page, for exports and summaries. */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const absolute = (url: string) => (/^https?:\/\//.test(url) ? url : `${(strapi.config.get('server.url') as string) || ''}${url}`);

  return {
    async phaseInScope(scope: RegionScope, phaseDocumentId: string) {
      const phase = await strapi.db.query('api::phase.phase').findOne({ where: { documentId: phaseDocumentId }, populate: { region: { select: ['code', 'name'] } } });
      if (!phase) throw new errors.NotFoundError(`No phase ${phaseDocumentId}.`);
      strapi.plugin('moderation').service('scope').assertInScope(scope, phase.region?.code);
      return phase as { id: number; documentId: string; title: string; kind: string; region: { code: string; name: string } | null };
    },

    async *submissions(phaseDocumentId: string): AsyncGenerator<ApprovedSubmission> {
      for (let offset = 0; ; offset += PAGE) {
        const rows = await strapi.db.query(SUBMISSION).findMany({
          where: { phase: { documentId: phaseDocumentId }, publishedAt: { $notNull: true } },
          select: ['documentId', 'title', 'body', 'kind', 'authorName', 'organisation', 'stakeholderCategory', 'countries', 'language', 'createdAt', 'decidedAt'],
          populate: {
            gcmObjectives: { select: ['number'] },
            guidingQuestion: { select: ['position', 'text'] },
            links: true,
            attachments: { select: ['name', 'url', 'mime'] },
            replyTo: { select: ['documentId'] },
          },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          offset,
          limit: PAGE,
        });
        for (const row of rows) {
          yield {
            documentId: row.documentId,
            url: absolute(`/api/submissions/${row.documentId}`),
            title: row.title,
            body: row.body,
            kind: row.kind,
            authorName: row.authorName,
            organisation: row.organisation,
            stakeholderCategory: row.stakeholderCategory,
            countries: row.countries ?? [],
            gcmObjectives: (row.gcmObjectives ?? []).map((o: { number: number }) => ({ number: o.number, title: GCM_OBJECTIVES[o.number - 1] })).sort((a: { number: number }, b: { number: number }) => a.number - b.number),
            guidingQuestion: row.guidingQuestion ? { position: row.guidingQuestion.position, text: row.guidingQuestion.text } : null,
            language: row.language,
            links: (row.links ?? []).map((l: { url: string; label: string | null }) => ({ url: l.url, label: l.label })),
            attachments: (row.attachments ?? []).map((a: { name: string; url: string; mime: string }) => ({ name: a.name, url: absolute(a.url), mime: a.mime })),
            replyTo: row.replyTo?.documentId ?? null,
            submittedAt: row.createdAt,
            approvedAt: row.decidedAt,
          };
        }
        if (rows.length < PAGE) return;
      }
    },
  };
};

import { factories } from '@strapi/strapi';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import createHttpError from 'http-errors';
import { checkAttachments, type UploadedFile } from '../attachments';
import { publicNameOf } from '../../../utils/person-name';
import { OwnSubmission } from '../contract';
import { parseSubmissionInput, type SubmissionInput } from '../input';
import { MODERATION_STATES } from '../../../reference/gcm';

const UID = 'api::submission.submission';

export type HubUser = { id: number; documentId: string; displayName?: string | null; organisation?: string | null; stakeholderCategory?: string | null };

type Phase = { documentId: string; title: string; opensAt: string | null; closesAt: string | null; region?: { documentId: string; code: string } | null };

/** What an author sees of their own submission: everything but who decided. */
const OWN_VIEW_POPULATE = {
  guidingQuestion: { fields: ['position', 'text'] },
  phase: { fields: ['title', 'kind'] },
  region: { fields: ['code', 'name'] },
  replyTo: { fields: ['title'] },
  gcmObjectives: { fields: ['number', 'title'] },
  attachments: { fields: ['name', 'mime', 'size', 'url'] },
  links: true,
  // Who translated is the workspace's to know, as who decided is.
  translations: { fields: ['language', 'title', 'body'] },
} as const;

type OwnRow = Record<string, unknown> & { documentId: string; moderationState: string; decisionReason?: string | null };

/** The fields of the author's view, as the contract names them: any other field of the row (who decided, screening, the queue's columns) stays out. */
const OWN_FIELDS = Object.keys(OwnSubmission.shape);

function ownView(row: OwnRow) {
  const { decidedAt, decisionReason } = row;
  return {
    ...Object.fromEntries(OWN_FIELDS.filter((field) => field in row).map((field) => [field, row[field]])),
    // The author learns why a moderator said no or what to change, and when; not who, and not the screening notes.
    decisionReason: row.moderationState === 'rejected' || row.moderationState === 'returned' ? decisionReason : null,
    decidedAt: row.moderationState === 'approved' || row.moderationState === 'rejected' ? decidedAt : null,
  };
}

function describeWindow(phase: Phase, now: Date): string | null {
  const opens = phase.opensAt ? new Date(phase.opensAt) : null;
  const closes = phase.closesAt ? new Date(phase.closesAt) : null;
  if (!opens || !closes) return `The phase "${phase.title}" has no dates yet; it does not accept submissions.`;
  if (now < opens) return `The phase "${phase.title}" opens on ${opens.toISOString()}; it does not accept submissions yet.`;
  if (now >= closes) return `The phase "${phase.title}" closed on ${closes.toISOString()}; it no longer accepts submissions.`;
  return null;
}

/**
 * Posting by Hub users. Everything the author may not choose (author, region, phase,
 * moderation state, publication) is set here; the lifecycle service of the moderation plugin
 * creates the pending draft and logs it.
 */
export default factories.createCoreService(UID, ({ strapi }: { strapi: Core.Strapi }) => {
  const upload = () => strapi.plugin('upload').service('upload');

  /**
   * Checks a posting the same way for a new submission and a returned one sent again: the
   * question, the phase (`samePhase` for a returned one: it stays where it was posted, even
   * after the phase closed, since it was posted in time), the reply, the category; then the
   * screening and the files. Answers the fields to store.
   */
  async function prepare(user: HubUser, input: SubmissionInput, files: UploadedFile[], samePhase?: string) {
    const question = await strapi.documents('api::guiding-question.guiding-question').findOne({
      documentId: input.guidingQuestion,
      status: 'published',
      populate: { phase: { fields: ['title', 'opensAt', 'closesAt'], populate: { region: { fields: ['code'] } } } },
    });
    if (!question) throw new errors.ValidationError(`guidingQuestion ${input.guidingQuestion} is not a posted guiding question.`);
    const phase = (question as unknown as { phase?: Phase | null }).phase;
    if (!phase?.region) throw new errors.ValidationError(`guidingQuestion ${input.guidingQuestion} belongs to no phase of a region.`);
    if (samePhase) {
      if (phase.documentId !== samePhase) throw new errors.ValidationError(`guidingQuestion ${input.guidingQuestion} belongs to another phase; a returned submission stays in the phase it was posted in.`);
    } else {
      const closed = describeWindow(phase, new Date());
      if (closed) throw new errors.ValidationError(closed);
    }

    if (input.replyTo) {
      const parent = await strapi.documents(UID).findOne({ documentId: input.replyTo, status: 'published', populate: { phase: { fields: ['documentId'] } } });
      if (!parent) throw new errors.ValidationError(`replyTo ${input.replyTo} is not a published submission.`);
      if ((parent as unknown as { phase?: { documentId: string } }).phase?.documentId !== phase.documentId) {
        throw new errors.ValidationError(`replyTo ${input.replyTo} belongs to another phase; a reply stays in the phase of what it answers.`);
      }
    }

    const stakeholderCategory = input.stakeholderCategory ?? user.stakeholderCategory;
    if (!stakeholderCategory) throw new errors.ValidationError('stakeholderCategory is required: your profile has none, so say which stakeholder category you post for.');
    const organisation = input.organisation ?? user.organisation ?? null;

    const attachments = await checkAttachments(files, strapi.config.get('submissions.attachments'));
    // The files' text is screened like the post's: a phone number in an annex is as personal.
    const screeningFlags = [
      ...strapi.plugin('moderation').service('screening').screen(input),
      ...(await strapi.plugin('moderation').service('attachments').screenPosted(attachments, input.countries ?? [])),
    ];
    const objectives = input.gcmObjectives?.length
      ? await strapi.documents('api::gcm-objective.gcm-objective').findMany({ filters: { number: { $in: input.gcmObjectives } }, fields: ['number'], limit: 23 })
      : [];
    return {
      phase: phase as Phase & { region: NonNullable<Phase['region']> },
      attachments,
      fields: {
        kind: input.kind,
        title: input.title,
        body: input.body,
        language: input.language,
        countries: input.countries ?? [],
        links: input.links ?? [],
        guidingQuestion: question.documentId,
        replyTo: input.replyTo ?? null,
        gcmObjectives: objectives.map((o) => o.documentId),
        organisation,
        stakeholderCategory,
        screeningFlags,
        flagged: screeningFlags.length > 0,
      },
    };
  }

  /** Stores checked files in Strapi's "API Uploads" folder, where the sweep finds those a failed posting left behind. */
  async function store(files: UploadedFile[]): Promise<{ id: number }[]> {
    if (!files.length) return [];
    const folder = await strapi.service('api::file.file').apiUploadFolder();
    return upload().upload({ data: { fileInfo: files.map(() => ({ folder: folder.id })) }, files });
  }

  /** Runs `save` with the files stored; if it fails, nothing was saved and the files go too. */
  async function withFiles<T>(files: UploadedFile[], save: (uploaded: { id: number }[]) => Promise<T>): Promise<T> {
    const uploaded = await store(files);
    try {
      return await save(uploaded);
    } catch (error) {
      for (const file of uploaded) await upload().remove(file);
      throw error;
    }
  }

  return {
    async submit(user: HubUser, raw: unknown, files: UploadedFile[] = []) {
      // Checked early to refuse at once, and again inside the posting's transaction, atomically.
      await this.assertWithinRateLimit(user);
      const authorName = publicNameOf(user);
      const { phase, attachments, fields } = await prepare(user, parseSubmissionInput(raw), files);
      await strapi.plugin('moderation').service('sanctions').assertMayPost(user.id, phase.region.code);
      const created = await withFiles(attachments, (uploaded) =>
        strapi.plugin('moderation').service('lifecycle').submit(
          {
            ...fields,
            phase: phase.documentId,
            region: phase.region.documentId,
            attachments: uploaded.map((f) => f.id),
            author: user.documentId,
            authorName,
          },
          { kind: 'author', id: user.id, name: authorName },
          () => this.assertWithinRateLimit(user, { atomically: true }),
        ) as Promise<{ documentId: string }>,
      );
      return this.findOwn(user, created.documentId);
    },

    /**
     * The author sends a returned submission back, changed: the whole submission, checked as a
     * posting is. Files sent replace its attachments; with none, the attachments stay.
     */
    async resubmitOwn(user: HubUser, documentId: string, raw: unknown, files: UploadedFile[] = []) {
      const current = (await strapi.db.query(UID).findOne({
        where: { documentId, author: { id: user.id }, publishedAt: null },
        select: ['moderationState', 'screeningFlags'],
        populate: { phase: { select: ['documentId'] }, attachments: true },
      })) as { moderationState: string; screeningFlags?: { attachment?: string }[] | null; phase?: { documentId: string } | null; attachments?: { id: number }[] | null } | null;
      if (!current?.phase) throw new errors.NotFoundError(`You have no submission ${documentId}.`);
      if (current.moderationState !== 'returned') {
        throw createHttpError(409, `This submission is ${current.moderationState}; only a submission returned to you for edits can be changed.`, { details: { code: 'notInState', values: { state: current.moderationState } } });
      }
      const { phase, attachments, fields } = await prepare(user, parseSubmissionInput(raw), files, current.phase.documentId);
      await strapi.plugin('moderation').service('sanctions').assertMayPost(user.id, phase.region.code);
      const replaced = attachments.length ? (current.attachments ?? []) : [];
      // Kept files keep what their screening found.
      const screeningFlags = attachments.length ? fields.screeningFlags : [...fields.screeningFlags, ...(current.screeningFlags ?? []).filter((flag) => flag.attachment)];
      const data = { ...fields, screeningFlags, flagged: screeningFlags.length > 0 };
      await withFiles(attachments, (uploaded) =>
        strapi
          .plugin('moderation')
          .service('lifecycle')
          .resubmit(documentId, { kind: 'author', id: user.id, name: publicNameOf(user) }, uploaded.length ? { ...data, attachments: uploaded.map((f) => f.id) } : data),
      );
      // Replaced files go once the new version is stored (the log keeps their names). The answer
      // does not depend on it: a file left behind is removed by the daily sweep.
      for (const file of replaced) {
        await upload()
          .remove(file)
          .catch((error: Error) => strapi.log.warn(`files: a replaced attachment stays until the sweep: ${error.message}`));
      }
      return this.findOwn(user, documentId);
    },

    /**
     * The posting limit. `atomically`, inside the posting's transaction: on PostgreSQL the author's
     * row is locked first, so that concurrent posts by one author count one after the other; SQLite
     * writes one transaction at a time already.
     */
    async assertWithinRateLimit(user: HubUser, { atomically = false } = {}) {
      if (atomically && strapi.db.dialect.client === 'postgres') {
        const table = strapi.getModel('plugin::users-permissions.user').collectionName;
        await strapi.db.transaction(({ trx }) => trx(table).where({ id: user.id }).forUpdate().select('id'));
      }
      const { max, windowMinutes } = strapi.config.get('submissions.rateLimit') as { max: number; windowMinutes: number };
      const since = new Date(Date.now() - windowMinutes * 60 * 1000);
      const recent = await strapi.db.query(UID).count({ where: { author: { id: user.id }, publishedAt: null, createdAt: { $gt: since } } });
      if (recent >= max) {
        throw new errors.RateLimitError(`You have posted ${recent} submissions in the last ${windowMinutes} minutes, the most allowed; try again later.`);
      }
    },

    async findOwn(user: HubUser, documentId: string) {
      const row = await strapi.documents(UID).findFirst({
        filters: { documentId, author: { id: user.id } },
        status: 'draft',
        populate: OWN_VIEW_POPULATE as never,
      });
      if (!row) throw new errors.NotFoundError(`You have no submission ${documentId}.`);
      return ownView(row as unknown as OwnRow);
    },

    /** The author's own submissions in every state, newest first. */
    async listOwn(user: HubUser, query: { page?: unknown; pageSize?: unknown; state?: unknown }) {
      const page = Number(query.page ?? 1);
      const pageSize = Number(query.pageSize ?? 25);
      if (!Number.isInteger(page) || page < 1) throw new errors.ValidationError('page must be a whole number from 1.');
      if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw new errors.ValidationError('pageSize must be a whole number from 1 to 100.');
      if (query.state !== undefined && !(MODERATION_STATES as readonly unknown[]).includes(query.state)) throw new errors.ValidationError(`state must be one of ${MODERATION_STATES.join(', ')}.`);
      const filters = { author: { id: user.id }, ...(query.state ? { moderationState: query.state } : {}) };
      const [rows, total] = await Promise.all([
        strapi.documents(UID).findMany({ filters: filters as never, status: 'draft', sort: [{ createdAt: 'desc' }, { id: 'desc' }] as never, populate: OWN_VIEW_POPULATE as never, start: (page - 1) * pageSize, limit: pageSize }),
        strapi.documents(UID).count({ filters: filters as never, status: 'draft' }),
      ]);
      return { data: rows.map((row) => ownView(row as unknown as OwnRow)), meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },

    async withdrawOwn(user: HubUser, documentId: string) {
      await strapi.plugin('moderation').service('lifecycle').withdraw(documentId, { kind: 'author', id: user.id, name: publicNameOf(user) });
      return this.findOwn(user, documentId);
    },
  };
});

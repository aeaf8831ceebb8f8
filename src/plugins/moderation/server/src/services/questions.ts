import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { neutraliseText } from '../../../../../utils/text';
import type { Moderator } from './lifecycle';
import type { RegionScope } from './scope';

const QUESTION = 'api::guiding-question.guiding-question';
const FEEDBACK = 'plugin::moderation.question-feedback';

type QuestionRow = { documentId: string; position: number; text: string; publishedAt: string | null; phase: { documentId: string; title: string; region: { code: string } | null } | null };

/**
 * Drafting guiding questions with regional colleagues: the secretariat marks a draft question
 * "shared for feedback"; the moderators of its region read it and leave feedback, which stays
 * with the question after it is posted (published).
 */
export default ({ strapi }: { strapi: Core.Strapi }) => {
  const shared = async (scope: RegionScope, documentId?: string) =>
    (await strapi.db.query(QUESTION).findMany({
      where: {
        publishedAt: null,
        locale: 'en',
        sharedForFeedback: true,
        ...(documentId ? { documentId } : {}),
        ...(scope === 'all' ? {} : { phase: { region: { code: { $in: scope } } } }),
      },
      select: ['documentId', 'position', 'text'],
      populate: { phase: { select: ['documentId', 'title'], populate: { region: { select: ['code'] } } } },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
    })) as QuestionRow[];

  return {
    async list(scope: RegionScope) {
      const questions = await shared(scope);
      const ids = questions.map((q) => q.documentId);
      const [feedback, posted] = await Promise.all([
        strapi.db.query(FEEDBACK).findMany({ where: { questionDocumentId: { $in: ids } }, select: ['id', 'questionDocumentId', 'body', 'authorName', 'createdAt'], orderBy: { createdAt: 'asc' } }),
        strapi.db.query(QUESTION).findMany({ where: { documentId: { $in: ids }, publishedAt: { $notNull: true } }, select: ['documentId'] }),
      ]);
      const isPosted = new Set(posted.map((q: { documentId: string }) => q.documentId));
      return questions.map((q) => ({
        ...q,
        posted: isPosted.has(q.documentId),
        feedback: feedback.filter((f: { questionDocumentId: string }) => f.questionDocumentId === q.documentId),
      }));
    },

    async comment(moderator: Moderator, documentId: string, body: unknown) {
      const text = typeof body === 'string' ? neutraliseText(body) : '';
      if (!text) throw new errors.ValidationError('The feedback is required.');
      if (text.length > 4000) throw new errors.ValidationError('The feedback is longer than 4000 characters.');
      const [question] = await shared('all', documentId);
      if (!question) throw new errors.NotFoundError(`No guiding question ${documentId} is shared for feedback.`);
      strapi.plugin('moderation').service('scope').assertInScope(moderator.scope, question.phase?.region?.code);
      return strapi.db.query(FEEDBACK).create({
        data: { questionDocumentId: documentId, regionCode: question.phase?.region?.code, body: text, author: moderator.id, authorName: moderator.name },
      });
    },
  };
};

import type { Core } from '@strapi/strapi';
import { checkTimeline } from '../../../../../api/phase/timeline';
import { GCM_OBJECTIVES, MODERATION_STATES, STAKEHOLDER_CATEGORIES, type ModerationState } from '../../../../../reference/gcm';
import { SUBMISSION } from '../constants';
import type { RegionScope } from './scope';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;

type Row = {
  moderationState: ModerationState;
  createdAt: string;
  decidedAt: string | null;
  stakeholderCategory: string | null;
  countries: string[] | null;
  guidingQuestion: { documentId: string } | null;
  gcmObjectives: { number: number }[];
  decidedBy: { id: number; firstname: string | null; lastname: string | null } | null;
};

type PhaseRow = {
  documentId: string;
  title: string;
  kind: string;
  opensAt: string | null;
  closesAt: string | null;
  summaryDueAt: string | null;
  reviewDate: string | null;
  reviewVenue: string | null;
  region: { code: string; name: string } | null;
};

const median = (values: number[]) => {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round1 = (n: number | null) => (n === null ? null : Math.round(n * 10) / 10);
const daysUntil = (date: string | null, now: number) => (date ? Math.ceil((new Date(date).getTime() - now) / DAY) : null);
const dayOf = (date: string) => new Date(date).toISOString().slice(0, 10);

/**
 * Momentum and coverage of one phase: what moderators watch to keep a space alive and to see
 * which sectors, objectives, questions and countries have not spoken yet. Every figure is
 * also given as numbers, for the tables beside the charts.
 */
export default ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The phases of the user's regions, each with its guiding questions (once each: the English row, draft or posted) to filter the queue by. */
  async phases(scope: RegionScope) {
    const phases = (await strapi.db.query('api::phase.phase').findMany({
      where: scope === 'all' ? {} : { region: { code: { $in: scope } } },
      select: ['documentId', 'title', 'kind', 'reviewCycle', 'opensAt', 'closesAt', 'isDemo'],
      populate: { region: { select: ['code'] }, guidingQuestions: { select: ['documentId', 'position', 'text'], where: { locale: 'en' }, orderBy: { position: 'asc' } } },
      orderBy: [{ opensAt: 'desc' }, { id: 'desc' }],
    })) as { guidingQuestions: { documentId: string; position: number; text: string }[] }[];
    return phases.map((phase) => ({ ...phase, guidingQuestions: [...new Map(phase.guidingQuestions.map((q) => [q.documentId, q])).values()] }));
  },

  async forPhase(scope: RegionScope, phaseDocumentId: string, now = Date.now()) {
    const phase = (await strapi.plugin('moderation').service('approved').phaseInScope(scope, phaseDocumentId)) as PhaseRow;

    const [rows, questions, outreach] = await Promise.all([
      strapi.db.query(SUBMISSION).findMany({
        where: { publishedAt: null, phase: { documentId: phaseDocumentId } },
        select: ['moderationState', 'createdAt', 'decidedAt', 'stakeholderCategory', 'countries'],
        populate: { guidingQuestion: { select: ['documentId'] }, gcmObjectives: { select: ['number'] }, decidedBy: { select: ['id', 'firstname', 'lastname'] } },
      }) as Promise<Row[]>,
      strapi.db.query('api::guiding-question.guiding-question').findMany({
        where: { phase: { documentId: phaseDocumentId }, publishedAt: { $notNull: true }, locale: 'en' },
        select: ['id', 'documentId', 'position', 'text'],
        orderBy: { position: 'asc' },
      }),
      strapi.plugin('moderation').service('outreach').contactedByCategory(phaseDocumentId),
    ]);

    const states = Object.fromEntries(MODERATION_STATES.map((state) => [state, 0])) as Record<ModerationState, number>;
    for (const row of rows) states[row.moderationState] += 1;
    const approved = rows.filter((r) => r.moderationState === 'approved');

    // Submissions per day, from the phase's opening (or the first submission) to today or its close.
    const perDay = new Map<string, { submitted: number; approved: number }>();
    const first = [phase.opensAt, ...rows.map((r) => r.createdAt)].filter(Boolean).map((d) => new Date(d as string).getTime());
    if (first.length) {
      const last = dayOf(new Date(Math.min(now, phase.closesAt ? new Date(phase.closesAt).getTime() - 1 : now)).toISOString());
      for (let t = Math.min(...first); dayOf(new Date(t).toISOString()) <= last; t += DAY) perDay.set(dayOf(new Date(t).toISOString()), { submitted: 0, approved: 0 });
    }
    for (const row of rows) {
      const entry = perDay.get(dayOf(row.createdAt)) ?? { submitted: 0, approved: 0 };
      entry.submitted += 1;
      perDay.set(dayOf(row.createdAt), entry);
      if (row.moderationState === 'approved' && row.decidedAt) {
        const decided = perDay.get(dayOf(row.decidedAt)) ?? { submitted: 0, approved: 0 };
        decided.approved += 1;
        perDay.set(dayOf(row.decidedAt), decided);
      }
    }

    const decided = rows.filter((r) => r.decidedAt && (r.moderationState === 'approved' || r.moderationState === 'rejected'));
    const hoursToDecision = (r: Row) => (new Date(r.decidedAt!).getTime() - new Date(r.createdAt).getTime()) / HOUR;
    const byModerator = new Map<string, number[]>();
    for (const row of decided) {
      const name = row.decidedBy ? [row.decidedBy.firstname, row.decidedBy.lastname].filter(Boolean).join(' ') : 'unknown';
      byModerator.set(name, [...(byModerator.get(name) ?? []), hoursToDecision(row)]);
    }
    const pending = rows.filter((r) => r.moderationState === 'pending');

    const count = <K extends string | number>(keys: K[], of: (row: Row) => K[]) => {
      const counts = new Map<K, { submitted: number; approved: number }>(keys.map((k) => [k, { submitted: 0, approved: 0 }]));
      for (const row of rows.filter((r) => r.moderationState !== 'withdrawn')) {
        for (const key of of(row)) {
          const entry = counts.get(key) ?? { submitted: 0, approved: 0 };
          entry.submitted += 1;
          if (row.moderationState === 'approved') entry.approved += 1;
          counts.set(key, entry);
        }
      }
      return counts;
    };
    const categories = count(Object.keys(STAKEHOLDER_CATEGORIES), (r) => (r.stakeholderCategory ? [r.stakeholderCategory] : []));
    const objectives = count(GCM_OBJECTIVES.map((_, i) => i + 1), (r) => r.gcmObjectives.map((o) => o.number));
    // By documentId: a pending submission links the draft of its question, an approved one the published.
    const questionCounts = count(questions.map((q: { documentId: string }) => q.documentId), (r) => (r.guidingQuestion ? [r.guidingQuestion.documentId] : []));
    const countries = count([], (r) => r.countries ?? []);
    const timeline = checkTimeline(phase);

    return {
      phase,
      timeline: {
        daysLeftInPhase: daysUntil(phase.closesAt, now),
        daysToSummaryDue: daysUntil(phase.summaryDueAt, now),
        daysToReview: daysUntil(phase.reviewDate, now),
        isOpen: Boolean(phase.opensAt && phase.closesAt && new Date(phase.opensAt).getTime() <= now && now < new Date(phase.closesAt).getTime()),
        warnings: [...timeline.errors.map((message) => ({ code: 'invalid', message })), ...timeline.warnings],
      },
      states,
      total: rows.length,
      approvedTotal: approved.length,
      perDay: [...perDay.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, v]) => ({ date, ...v })),
      backlog: {
        pending: pending.length,
        oldestPendingAt: pending.map((r) => r.createdAt).sort()[0] ?? null,
        medianHoursToDecision: round1(median(decided.map(hoursToDecision))),
        byModerator: [...byModerator.entries()].map(([name, hours]) => ({ name, decisions: hours.length, medianHours: round1(median(hours)) })).sort((a, b) => b.decisions - a.decisions),
      },
      coverage: {
        categories: [...categories.entries()].map(([code, v]) => ({
          code,
          label: STAKEHOLDER_CATEGORIES[code as keyof typeof STAKEHOLDER_CATEGORIES] ?? code,
          ...v,
          contacted: outreach[code] ?? 0,
        })),
        objectives: [...objectives.entries()].map(([number, v]) => ({ number, title: GCM_OBJECTIVES[number - 1], ...v })),
        questions: questions.map((q: { id: number; documentId: string; position: number; text: string }) => ({ documentId: q.documentId, position: q.position, text: q.text, ...questionCounts.get(q.documentId)! })),
        countries: [...countries.entries()].map(([code, v]) => ({ code, ...v })).sort((a, b) => b.submitted - a.submitted || a.code.localeCompare(b.code)),
      },
    };
  },
});

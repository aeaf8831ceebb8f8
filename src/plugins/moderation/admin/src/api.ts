import { useFetchClient } from '@strapi/strapi/admin';
import { useCallback, useMemo } from 'react';
import { MODERATION_STATES, type ModerationState } from '../../../../reference/gcm';

export type { ModerationState };
/** The queue's tabs: the states, in the order the reference gives them. */
export const STATES: readonly ModerationState[] = MODERATION_STATES;

export type ScreeningFlag = { kind: 'email' | 'phone' | 'link' | 'sensitive-term' | 'unscreened-attachment'; match: string; language?: string; attachment?: string };

/** Another moderator with the submission open, and since when. */
export type Presence = { moderatorId: number; name: string; since: string };
/** What the page learns each time it says it is still open. */
export type PresenceStatus = { moderationState: ModerationState; decidedAt: string | null; decidedBy: string | null; others: Presence[] };

export type QueueItem = {
  documentId: string;
  title: string;
  excerpt: string;
  kind: string;
  authorName: string | null;
  organisation: string | null;
  stakeholderCategory: string | null;
  language: string;
  moderationState: ModerationState;
  screeningFlags: ScreeningFlag[] | null;
  flagged: boolean;
  decisionReason: string | null;
  createdAt: string;
  decidedAt: string | null;
  region: { code: string } | null;
  guidingQuestion: { documentId: string; position: number; text: string } | null;
  attachments: { name: string; mime: string; size: number }[] | null;
  others: Presence[];
};

export type Queue = {
  data: QueueItem[];
  meta: { pagination: { page: number; pageSize: number; total: number; pageCount: number }; counts: Record<ModerationState, number> };
};

export type Overview = {
  regions: { code: string; name: string; pending: number; oldestPendingAt: string | null }[];
  /** Reason templates per content language (en, fr, es, ar, ru, zh). */
  rejectionReasons: Record<string, string[]>;
};

export type ModerationEvent = { id: number; action: string; actorName: string; actorKind: string; fromState: string | null; toState: string | null; reason: string | null; occurredAt: string; details: Record<string, unknown> | null };

export type Translation = { language: string; title: string | null; body: string; translator: string | null };

/** An e-mail that could not be sent yet, or for good, as the secretariat sees it. */
export type OutgoingMessageKind = 'submitted' | 'approved' | 'rejected' | 'returned' | 'replied' | 'sanction' | 'digest';
export type FailingMessage = {
  id: number;
  kind: OutgoingMessageKind;
  state: 'waiting' | 'failed';
  recipient: { type: 'author' | 'moderator'; id: number; email: string | null; name: string | null };
  submission: { documentId: string; title: string; language: string | null } | null;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  nextAttemptAt: string | null;
};
export type Outbox = { counts: Record<'waiting' | 'sent' | 'failed' | 'dropped', number>; failing: FailingMessage[] };

/** A Hub account, as the secretariat finds it for a request about personal data. */
export type Person = { id: number; email: string; displayName: string | null; organisation: string | null };
export type Erasure = { account: number; anonymised: number; erased: number; logEntries: number };

export type SubmissionDetail = Omit<QueueItem, "attachments" | "region"> & {
  body: string;
  countries: string[] | null;
  links: { url: string; label: string | null }[];
  translations: Translation[];
  attachments: { id: number; name: string; mime: string; size: number; url: string }[];
  phase: { documentId: string; title: string; kind: string } | null;
  region: { code: string; name: string } | null;
  replyTo: { documentId: string; title: string; authorName: string } | null;
  responses: { documentId: string; title: string; authorName: string }[];
  gcmObjectives: { number: number; title: string }[];
  moderatorReplies: { documentId: string; body: string; moderatorName: string; createdAt: string }[];
  author: { id: number; displayName: string | null; organisation: string | null; stakeholderCategory: string | null; country: string | null } | null;
  events: ModerationEvent[];
};

export type PhaseOption = { documentId: string; title: string; kind: string; reviewCycle: number; isDemo: boolean; region: { code: string } | null; guidingQuestions: { documentId: string; position: number; text: string }[] };

type Counted = { submitted: number; approved: number };
export type Dashboard = {
  phase: { documentId: string; title: string; kind: string; opensAt: string | null; closesAt: string | null; summaryDueAt: string | null; reviewDate: string | null; region: { code: string; name: string } | null };
  timeline: { daysLeftInPhase: number | null; daysToSummaryDue: number | null; daysToReview: number | null; isOpen: boolean; warnings: { code: string; message: string; values?: Record<string, string> }[] };
  states: Record<ModerationState, number>;
  total: number;
  approvedTotal: number;
  perDay: ({ date: string } & Counted)[];
  backlog: { pending: number; oldestPendingAt: string | null; medianHoursToDecision: number | null; byModerator: { name: string; decisions: number; medianHours: number | null }[] };
  coverage: {
    categories: ({ code: string; label: string; contacted: number } & Counted)[];
    objectives: ({ number: number; title: string } & Counted)[];
    questions: ({ documentId: string; position: number; text: string } & Counted)[];
    countries: ({ code: string } & Counted)[];
  };
};

export type OutreachRecord = { id: number; organisation: string; sector: string; channel: string; contactedOn: string; note: string | null; moderatorName: string };

export type SharedQuestion = {
  documentId: string;
  position: number;
  text: string;
  sharedForFeedback: boolean;
  /** Regions besides its own whose moderators are asked too. */
  feedbackRegions: string[];
  posted: boolean;
  phase: { documentId: string; title: string; region: { code: string } | null } | null;
  feedback: { id: number; body: string; authorName: string; regionCode: string | null; createdAt: string }[];
};

export type SanctionKind = 'warning' | 'suspension' | 'block';
export type Sanction = {
  id: number;
  kind: SanctionKind;
  reason: string;
  regionCode: string | null;
  endsAt: string | null;
  issuedByName: string | null;
  issuedAt: string;
  liftedAt: string | null;
  liftedByName: string | null;
  liftReason: string | null;
};

/** An author beside their submission: their other posts in the moderator's regions, and their sanctions. */
export type AuthorContext = {
  id: number;
  displayName: string | null;
  organisation: string | null;
  stakeholderCategory: string | null;
  country: string | null;
  registeredAt: string;
  submissions: { documentId: string; title: string; language: string; moderationState: ModerationState; decisionReason: string | null; createdAt: string; regionCode: string | null }[];
  submissionCount: number;
  submissionsElsewhere: number;
  sanctions: Sanction[];
  /** Sanctions of other regions, counted only: their reasons are their moderators'. */
  sanctionsElsewhere: number;
  inForce: Sanction | null;
};

/** What a resubmission's log entry keeps of the version it replaced. */
export type EarlierVersion = { version: number; previous: { title: string; body: string; language: string } | null };

export type BulkAction = 'approve' | 'reject' | 'return' | 'retract';

export type BulkResult = { documentId: string; status: number; message?: string; details?: ErrorDetails }[];

/** What the server adds to an error so that the workspace can say it in the moderator's language. */
export type ErrorDetails = { code?: string; values?: Record<string, string> };

/** The plugin's admin routes (server/src/routes), with the admin session's credentials. */
export function useModerationApi() {
  const { get, post, del } = useFetchClient();
  const act = useCallback(
    async <T,>(documentId: string, action: string, body: Record<string, unknown> = {}) => (await post<{ data: T }>(`/moderation/submissions/${documentId}/${action}`, body)).data.data,
    [post],
  );
  return useMemo(
    () => ({
      overview: async () => (await get<{ data: Overview }>('/moderation/overview')).data.data,
      queue: async (params: Record<string, string>) => (await get<Queue>('/moderation/submissions', { params })).data,
      detail: async (documentId: string) => (await get<{ data: SubmissionDetail }>(`/moderation/submissions/${documentId}`)).data.data,
      present: async (documentId: string) => (await post<{ data: PresenceStatus }>(`/moderation/submissions/${documentId}/presence`, {})).data.data,
      leave: async (documentId: string) => {
        await del(`/moderation/submissions/${documentId}/presence`);
      },
      approve: (documentId: string) => act(documentId, 'approve'),
      reject: (documentId: string, reason: string) => act(documentId, 'reject', { reason }),
      retract: (documentId: string, to: 'pending' | 'rejected', reason: string) => act(documentId, 'retract', { to, reason }),
      returnForEdits: (documentId: string, note: string) => act(documentId, 'return', { note }),
      attachmentText: async (documentId: string, fileId: number) =>
        (await get<{ data: { name: string; text: string | null; truncated: boolean } }>(`/moderation/submissions/${documentId}/attachments/${fileId}/text`)).data.data,
      /** A page as a PNG the server drew; its count comes in a header. */
      attachmentPage: async (documentId: string, fileId: number, page: number) => {
        const res = await get<Blob>(`/moderation/submissions/${documentId}/attachments/${fileId}/preview`, { params: { page: String(page) }, responseType: 'blob' });
        const pages = Number((res as unknown as { headers?: Headers }).headers?.get?.('x-page-count') ?? 1);
        return { blob: res.data, pages };
      },
      author: async (id: number) => (await get<{ data: AuthorContext }>(`/moderation/authors/${id}`)).data.data,
      sanction: async (id: number, sanction: { kind: SanctionKind; reason: string; days?: number }) => (await post<{ data: Sanction }>(`/moderation/authors/${id}/sanctions`, sanction)).data.data,
      liftSanction: async (id: number, sanctionId: number, reason: string) => (await post<{ data: Sanction }>(`/moderation/authors/${id}/sanctions/${sanctionId}/lift`, { reason })).data.data,
      reply: (documentId: string, body: string) => act(documentId, 'replies', { body }),
      redact: (documentId: string, changes: { title?: string; body?: string }) => act(documentId, 'redact', changes),
      translate: (documentId: string, translation: { language: string; title?: string; body: string }) => act(documentId, 'translations', translation),
      phases: async () => (await get<{ data: PhaseOption[] }>('/moderation/phases')).data.data,
      dashboard: async (phase: string) => (await get<{ data: Dashboard }>(`/moderation/phases/${phase}/dashboard`)).data.data,
      outreach: async (phase: string) => (await get<{ data: OutreachRecord[] }>(`/moderation/phases/${phase}/outreach`)).data.data,
      recordOutreach: async (phase: string, record: Record<string, string>) => (await post<{ data: OutreachRecord }>(`/moderation/phases/${phase}/outreach`, record)).data.data,
      generateSummary: async (phase: string) => (await post<{ data: { documentId: string; title: string; submissions: number } }>(`/moderation/phases/${phase}/summary`, {})).data.data,
      /** Saves a file the server sends (exports, summaries) under the name it gives. */
      download: async (url: string, fallbackName: string) => {
        const res = await get(url, { responseType: 'blob' });
        const disposition = (res as unknown as { headers?: Headers }).headers?.get?.('content-disposition') ?? '';
        const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
        const link = document.createElement('a');
        link.href = URL.createObjectURL(res.data);
        link.download = name;
        link.click();
        URL.revokeObjectURL(link.href);
      },
      questions: async () => (await get<{ data: SharedQuestion[] }>('/moderation/questions')).data.data,
      questionDrafts: async () => (await get<{ data: SharedQuestion[] }>('/moderation/questions/drafts')).data.data,
      draftQuestion: async (question: { phase: string; text: string; share: boolean; regions: string[] }) => (await post<{ data: SharedQuestion }>('/moderation/questions', question)).data.data,
      shareQuestion: async (documentId: string, shared: boolean) => (await post<{ data: SharedQuestion }>(`/moderation/questions/${documentId}/share`, { shared })).data.data,
      postQuestion: async (documentId: string) => (await post(`/moderation/questions/${documentId}/post`, {})).data,
      questionFeedback: async (documentId: string, body: string) => (await post(`/moderation/questions/${documentId}/feedback`, { body })).data,
      outbox: async () => (await get<{ data: Outbox }>('/moderation/outbox')).data.data,
      retryMessage: async (id: number) => (await post(`/moderation/outbox/${id}/retry`, {})).data,
      dismissMessage: async (id: number) => (await post(`/moderation/outbox/${id}/dismiss`, {})).data,
      findPeople: async (email: string) => (await post<{ data: Person[] }>('/moderation/people/search', { email })).data.data,
      erasePerson: async (id: number, confirm: string) => (await post<{ data: Erasure }>(`/moderation/people/${id}/erase`, { confirm })).data.data,
      bulk: async (action: BulkAction, documentIds: string[], reason?: string, to?: 'pending' | 'rejected') =>
        (await post<{ data: BulkResult }>('/moderation/submissions/bulk', { action, documentIds, reason, to })).data.data,
    }),
    [get, post, del, act],
  );
}

/** The server's error, as a message and the details it carries; none when the server gave none (a network failure). */
export function errorOf(error: unknown): { message: string | null; details: ErrorDetails } {
  const e = error as { response?: { data?: { error?: { message?: string; details?: ErrorDetails } } } };
  const answer = e.response?.data?.error;
  return { message: answer?.message ?? null, details: answer?.details ?? {} };
}

import type { Core } from '@strapi/strapi';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { RegionCode, StakeholderCategory } from '../reference/gcm';
import { MODERATOR_ROLE, SECRETARIAT_ROLE } from './admin-roles';
import { HEALTH_FIREWALLS_POSITION, RECRUITMENT_FEES_SUMMARY, REGULAR_PATHWAYS_DATA_NOTE, writeDemoFiles, type DemoAttachment } from './demo-files';
import { DEMO_QUESTION_TRANSLATIONS, type DemoQuestionPosition, type TranslatedLocale } from './demo-question-translations';
import { UNECE_2024 } from './unece-2024';

/**
 * Demo content: the UNECE 2024 space, a demo phase open today with the same questions (in the
 * six UN languages, the five other than English being demonstration translations), demo accounts
 * for every role, a few submissions in each moderation state (one returned to its author for
 * edits), posted and decided over the weeks since the phase opened, some with files, an author
 * suspended for advertising, and a draft question shared for feedback. Idempotent:
 * every piece is looked up by a natural key before it is created.
 */

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const SUBMISSION = 'api::submission.submission';
const MODERATOR_REPLY = 'api::moderator-reply.moderator-reply';
const MODERATION_EVENT = 'plugin::moderation.moderation-event';
const GUIDING_QUESTION = 'api::guiding-question.guiding-question';
const QUESTION_FEEDBACK = 'plugin::moderation.question-feedback';
const AUTHOR_SANCTION = 'plugin::moderation.author-sanction';

export const DEMO_ADMIN_PASSWORD_DEFAULT = 'Demo-Admin-2024';
export const DEMO_USER_PASSWORD_DEFAULT = 'Demo-User-2024';

export type DemoAdmin = { email: string; firstname: string; lastname: string; role: 'super-admin' | 'secretariat' | 'moderator'; moderates: RegionCode[] };
export type DemoHubUser = { email: string; username: string; role: string; displayName: string; organisation?: string; stakeholderCategory?: StakeholderCategory; country?: string };

export const DEMO_ADMINS: DemoAdmin[] = [
  { email: 'admin@example.org', firstname: 'Demo', lastname: 'Administrator', role: 'super-admin', moderates: [] },
  { email: 'secretariat@example.org', firstname: 'Samira', lastname: 'Secretariat', role: 'secretariat', moderates: [] },
  { email: 'moderator.unece@example.org', firstname: 'Ulla', lastname: 'Moderator (UNECE)', role: 'moderator', moderates: ['UNECE'] },
  { email: 'moderator.escap@example.org', firstname: 'Eka', lastname: 'Moderator (ESCAP)', role: 'moderator', moderates: ['ESCAP'] },
];

export const DEMO_HUB_USERS: DemoHubUser[] = [
  { email: 'reader@example.org', username: 'demo-reader', role: 'authenticated', displayName: 'Registered reader' },
  { email: 'member-state@example.org', username: 'demo-member-state', role: 'member-state', displayName: 'Member State delegate', country: 'CH' },
  { email: 'stakeholder@example.org', username: 'demo-stakeholder', role: 'stakeholder', displayName: 'Amina Haddad', organisation: 'Migrant Voices Europe (demo)', stakeholderCategory: 'migrant_diaspora_organizations', country: 'DE' },
  { email: 'un-system@example.org', username: 'demo-un-system', role: 'un-system', displayName: 'Luis Ortega', organisation: 'UN agency regional office (demo)', stakeholderCategory: 'un_system', country: 'CH' },
  // Posted advertising twice; suspended (ensureSuspension).
  { email: 'promoter@example.org', username: 'demo-promoter', role: 'stakeholder', displayName: 'Kai Brenner', organisation: 'Reach Boost Ltd (demo)', stakeholderCategory: 'private_sector', country: 'NL' },
];

export function demoPasswords(): { admin: string; user: string } {
  return {
    admin: process.env.DEMO_ADMIN_PASSWORD || DEMO_ADMIN_PASSWORD_DEFAULT,
    user: process.env.DEMO_USER_PASSWORD || DEMO_USER_PASSWORD_DEFAULT,
  };
}

type Doc = { id: number; documentId: string };
type AdminUser = Doc & { firstname: string; lastname: string };

/** A time counted back from the day the demo is seeded: so many days before it, at an hour of that day (UTC). */
type DemoMoment = { daysAgo: number; hour: number };

/** From the start of today (UTC), as the demo phase's window is (demoWindow), so that the history falls inside a window set today. */
function demoTime({ daysAgo, hour }: DemoMoment, now = Date.now()): Date {
  return new Date(Math.floor(now / DAY) * DAY - daysAgo * DAY + hour * HOUR);
}

/** A demo admin as the moderation services know them: the secretariat acts in every region, a moderator in theirs. */
function actingAs(user: AdminUser, email: string) {
  const admin = DEMO_ADMINS.find((a) => a.email === email)!;
  return { kind: 'moderator' as const, id: user.id, name: `${user.firstname} ${user.lastname}`, scope: admin.role === 'moderator' ? admin.moderates : ('all' as const) };
}

async function ensureAdmins(strapi: Core.Strapi): Promise<Record<string, AdminUser>> {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const roleIds = {
    'super-admin': ((await roles.getSuperAdmin()) as Doc).id,
    secretariat: ((await roles.findOne({ code: SECRETARIAT_ROLE.code })) as Doc).id,
    moderator: ((await roles.findOne({ code: MODERATOR_ROLE.code })) as Doc).id,
  };
  const byEmail: Record<string, AdminUser> = {};
  for (const admin of DEMO_ADMINS) {
    let user = (await users.findOneByEmail(admin.email)) as AdminUser | null;
    if (!user) {
      user = (await users.create({
        email: admin.email,
        firstname: admin.firstname,
        lastname: admin.lastname,
        password: demoPasswords().admin,
        isActive: true,
        registrationToken: null,
        roles: [roleIds[admin.role]],
      })) as AdminUser;
    }
    byEmail[admin.email] = user;
    for (const code of admin.moderates) {
      const region = await strapi.documents('api::region.region').findFirst({ filters: { code } });
      if (region) {
        await strapi.documents('api::region.region').update({
          documentId: region.documentId,
          data: { moderators: { connect: [user.documentId] } } as never,
        });
      }
    }
  }
  return byEmail;
}

async function ensureHubUsers(strapi: Core.Strapi): Promise<void> {
  for (const account of DEMO_HUB_USERS) {
    if (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: account.email } })) continue;
    const role = (await strapi.db.query('plugin::users-permissions.role').findOne({ where: { type: account.role } })) as Doc;
    const { role: _roleType, ...profile } = account;
    await strapi.plugin('users-permissions').service('user').add({
      ...profile,
      password: demoPasswords().user,
      provider: 'local',
      confirmed: true,
      blocked: false,
      role: role.id,
    });
  }
}

/** Finds the phase matching `filters` and brings it to `data`, or creates it. */
async function ensurePhase(strapi: Core.Strapi, filters: Record<string, unknown>, data: Record<string, unknown>): Promise<Doc> {
  const phases = strapi.documents('api::phase.phase');
  const existing = await phases.findFirst({ filters: filters as never });
  if (existing) {
    return (await phases.update({ documentId: existing.documentId, data: data as never })) as Doc;
  }
  return (await phases.create({ data: data as never })) as Doc;
}

async function ensureQuestions(strapi: Core.Strapi, phase: Doc, texts: readonly string[]): Promise<Doc[]> {
  const questions = strapi.documents('api::guiding-question.guiding-question');
  const result: Doc[] = [];
  for (const [index, text] of texts.entries()) {
    const position = index + 1;
    const existing = await questions.findFirst({ filters: { phase: { documentId: phase.documentId }, position }, locale: 'en', status: 'published' });
    result.push(
      (existing as Doc | null) ??
        ((await questions.create({ data: { phase: phase.documentId, position, text } as never, locale: 'en', status: 'published' })) as Doc),
    );
  }
  return result;
}

/**
 * The demo phase's questions in fr, es, ar, ru and zh (demonstration translations: their phase
 * is `isDemo`, and its description says so). A localization that exists, posted or not, is left
 * as it is: the secretariat may have corrected it.
 */
async function ensureDemoTranslations(strapi: Core.Strapi, phase: Doc, questions: Doc[]): Promise<void> {
  const docs = strapi.documents('api::guiding-question.guiding-question');
  for (const [index, question] of questions.entries()) {
    const position = (index + 1) as DemoQuestionPosition;
    const translations = DEMO_QUESTION_TRANSLATIONS[position];
    for (const locale of Object.keys(translations) as TranslatedLocale[]) {
      // Every localization has a draft row, published or not.
      if (await docs.findOne({ documentId: question.documentId, locale, status: 'draft' })) continue;
      // update() in a new locale creates that localization. Relations are localized in Strapi 5
      // whatever the schema says, so the phase is not copied from English: it is given here.
      await docs.update({ documentId: question.documentId, locale, data: { text: translations[locale], position, phase: phase.documentId } });
      await docs.publish({ documentId: question.documentId, locale });
    }
  }
}

type DemoSubmission = {
  title: string;
  body: string;
  kind: string;
  question: number;
  author: string;
  posted: DemoMoment;
  reason?: string;
  objectives: number[];
  countries: string[];
  replyToTitle?: string;
  moderatorReply?: { body: string; hoursAfterDecision: number };
  links?: { url: string; label: string }[];
  attachments?: DemoAttachment[];
} & (
  | { state: 'pending' }
  /** `hoursLater`: from posting to the moderator's decision, or to the author's withdrawal. */
  | { state: 'approved' | 'rejected' | 'returned' | 'withdrawn'; hoursLater: number }
);

const DEMO_SUBMISSIONS: DemoSubmission[] = [
  {
    title: 'City-level partnerships for the inclusion of newcomers',
    body: 'Several municipalities in our network run **one-stop welcome centres** together with migrant organisations. We recommend that the Regional Review discusses how such local partnerships can be funded sustainably.\n\n- shared case management\n- language courses linked to work placements',
    kind: 'recommendation', question: 1, author: 'stakeholder@example.org', state: 'approved', objectives: [15, 16], countries: ['DE', 'AT'],
    posted: { daysAgo: 19, hour: 10.25 }, hoursLater: 27,
    links: [{ url: 'https://www.un.org/en/conf/migration/global-compact-for-safe-orderly-regular-migration.shtml', label: 'Global Compact for Migration' }],
    moderatorReply: { body: 'Thank you. Could you share which municipalities took part, so that others in the region can contact them?', hoursAfterDecision: 2.5 },
  },
  {
    title: 'Data on regular pathways in the region, 2019 to 2023',
    body: 'Our office compiled figures on labour and family pathways across the region. The tables show where applications rose and where processing times grew.',
    kind: 'data', question: 4, author: 'un-system@example.org', state: 'approved', objectives: [1, 5], countries: ['CH', 'FR', 'IT'],
    posted: { daysAgo: 16, hour: 14.5 }, hoursLater: 46, attachments: [REGULAR_PATHWAYS_DATA_NOTE],
  },
  {
    title: 'Reply: the same holds for smaller towns',
    body: 'In our experience the welcome-centre model also works in towns under 50,000 inhabitants when it is run jointly by several of them.',
    kind: 'comment', question: 1, author: 'un-system@example.org', state: 'approved', objectives: [16], countries: ['AT'],
    posted: { daysAgo: 13, hour: 8 }, hoursLater: 5,
    replyToTitle: 'City-level partnerships for the inclusion of newcomers',
  },
  {
    title: 'Access to health care for undocumented workers',
    body: 'We ask that the Review discusses firewalls between health services and immigration enforcement. Our position paper is attached.',
    kind: 'comment', question: 5, author: 'stakeholder@example.org', state: 'pending', objectives: [15], countries: ['FR'],
    posted: { daysAgo: 6, hour: 16.25 }, attachments: [HEALTH_FIREWALLS_POSITION],
  },
  {
    title: 'Research report: recruitment fees in seasonal agriculture',
    body: 'Our study of 400 seasonal workers found that most paid recruitment fees. Summary and recommendations attached.',
    kind: 'research_report', question: 2, author: 'stakeholder@example.org', state: 'pending', objectives: [6], countries: ['ES', 'IT'],
    posted: { daysAgo: 4, hour: 9.75 }, attachments: [RECRUITMENT_FEES_SUMMARY],
  },
  {
    title: 'Reception conditions at the eastern border',
    body: 'Families wait for days without shelter. Local officials speak of an "invasion", which hardens attitudes. Our field coordinator can be reached on +43 1 5344 4000 for details.',
    kind: 'comment', question: 2, author: 'un-system@example.org', state: 'pending', objectives: [7, 11], countries: ['AT', 'HU'],
    posted: { daysAgo: 2, hour: 19 },
  },
  {
    title: 'Buy followers for your campaign',
    body: 'Visit our site for cheap followers.',
    kind: 'comment', question: 3, author: 'promoter@example.org', state: 'rejected', reason: 'Advertising, unrelated to the guiding question.', objectives: [], countries: [],
    posted: { daysAgo: 11, hour: 22.5 }, hoursLater: 9.5,
  },
  {
    title: 'Grow your NGO audience in one week',
    body: 'Our agency boosts the reach of any campaign. Contact us for a package price.',
    kind: 'comment', question: 1, author: 'promoter@example.org', state: 'rejected', reason: 'Advertising again, after a first rejection for the same reason.', objectives: [], countries: [],
    posted: { daysAgo: 3, hour: 7.5 }, hoursLater: 3,
  },
  {
    title: 'What our caseworkers hear about family reunification',
    body: 'Our caseworker Jana Novak, who has followed 40 families since 2022, says that waiting times for family reunification doubled. Families often give up on the procedure.',
    kind: 'comment', question: 4, author: 'stakeholder@example.org', state: 'returned', reason: 'Thank you for this. Please remove the caseworker’s name (we do not publish third parties’ names), then send it again.', objectives: [5], countries: ['DE'],
    posted: { daysAgo: 5, hour: 13 }, hoursLater: 20,
  },
  {
    title: 'Draft note on skills recognition',
    body: 'We will resubmit a fuller version of this note later.',
    kind: 'comment', question: 3, author: 'un-system@example.org', state: 'withdrawn', objectives: [18], countries: [],
    posted: { daysAgo: 9, hour: 11 }, hoursLater: 28,
  },
];

/**
 * Gives a demo submission the history of a consultation under way: posted on its day, decided
 * or withdrawn hours to days later, replied to after that, with the moderation log saying the
 * same. The services stamp everything "now", so the rows are dated afterwards through the Query
 * Engine, below the Document Service guards (the log is append-only everywhere else); with
 * `updateMany`, as `update` would stamp `updatedAt` again.
 */
async function dateHistory(strapi: Core.Strapi, documentId: string, demo: DemoSubmission, posted: Date): Promise<void> {
  const settled = demo.state === 'pending' ? null : new Date(posted.getTime() + demo.hoursLater * HOUR);
  const replied = demo.moderatorReply ? new Date((settled ?? posted).getTime() + demo.moderatorReply.hoursAfterDecision * HOUR) : null;
  const decided = demo.state === 'approved' || demo.state === 'rejected' || demo.state === 'returned' ? { decidedAt: settled } : {};
  await strapi.db.query(SUBMISSION).updateMany({ where: { documentId }, data: { createdAt: posted, updatedAt: replied ?? settled ?? posted, ...decided } });
  // Approving is publishing: the published row dates from the decision.
  if (demo.state === 'approved') await strapi.db.query(SUBMISSION).updateMany({ where: { documentId, publishedAt: { $notNull: true } }, data: { publishedAt: settled } });

  const logged: [string, Date][] = [['submitted', posted]];
  if (settled) logged.push([demo.state, settled]);
  if (replied) logged.push(['replied', replied]);
  for (const [action, at] of logged) {
    await strapi.db.query(MODERATION_EVENT).updateMany({ where: { submissionDocumentId: documentId, action }, data: { occurredAt: at, createdAt: at, updatedAt: at } });
  }
  if (replied) {
    const replies = (await strapi.db.query(MODERATOR_REPLY).findMany({ where: { submission: { documentId } }, select: ['id'] })) as { id: number }[];
    const ids = replies.map((r) => r.id);
    await strapi.db.query(MODERATOR_REPLY).updateMany({ where: { id: { $in: ids } }, data: { createdAt: replied, updatedAt: replied } });
    await strapi.db.query(MODERATOR_REPLY).updateMany({ where: { id: { $in: ids }, publishedAt: { $notNull: true } }, data: { publishedAt: replied } });
  }
}

/**
 * Demo submissions go the way real ones do: posted by their author through the submission
 * service, files included, then decided by the UNECE moderator through the moderation
 * lifecycle; then dated.
 */
async function ensureSubmissions(strapi: Core.Strapi, phase: Doc, questions: Doc[], moderatorUser: AdminUser): Promise<void> {
  const lifecycle = strapi.plugin('moderation').service('lifecycle');
  const moderator = actingAs(moderatorUser, 'moderator.unece@example.org');
  const created = new Map<string, string>();
  // Where the attached files are written for posting; the upload service copies them into the store.
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'gcm-demo-files-'));
  try {
    for (const demo of DEMO_SUBMISSIONS) {
      const existing = await strapi.documents(SUBMISSION).findFirst({ filters: { title: demo.title, phase: { documentId: phase.documentId } } });
      if (existing) {
        created.set(demo.title, existing.documentId);
        continue;
      }
      const author = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: demo.author } });
      const input = {
        kind: demo.kind,
        title: demo.title,
        body: demo.body,
        guidingQuestion: questions[demo.question - 1].documentId,
        replyTo: demo.replyToTitle ? created.get(demo.replyToTitle) : undefined,
        countries: demo.countries,
        gcmObjectives: demo.objectives,
        links: demo.links,
        language: 'en',
      };
      const submission = await strapi.service(SUBMISSION).submit(author, input, await writeDemoFiles(demo.attachments ?? [], dir));
      created.set(demo.title, submission.documentId);
      if (demo.state === 'approved') await lifecycle.approve(submission.documentId, moderator);
      if (demo.state === 'rejected') await lifecycle.reject(submission.documentId, moderator, demo.reason);
      if (demo.state === 'returned') await lifecycle.returnForEdits(submission.documentId, moderator, demo.reason);
      if (demo.state === 'withdrawn') await lifecycle.withdraw(submission.documentId, { kind: 'author', id: author.id, name: author.displayName });
      if (demo.moderatorReply) await lifecycle.reply(submission.documentId, moderator, demo.moderatorReply.body);
      await dateHistory(strapi, submission.documentId, demo, demoTime(demo.posted));
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** The author of the two advertising posts, suspended by the UNECE moderator after the second, a day ago, for a week. */
export const DEMO_SUSPENSION = { author: 'promoter@example.org', reason: 'Two advertising posts in a week. You can post again when the suspension ends.', days: 7, daysAgo: 1 };

async function ensureSuspension(strapi: Core.Strapi, moderatorUser: AdminUser): Promise<void> {
  const author = (await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: DEMO_SUSPENSION.author } })) as Doc & { id: number };
  if (await strapi.db.query(AUTHOR_SANCTION).count({ where: { author: { id: author.id } } })) return;
  const moderator = actingAs(moderatorUser, 'moderator.unece@example.org');
  const { id } = (await strapi.plugin('moderation').service('sanctions').impose(moderator, author.id, { kind: 'suspension', reason: DEMO_SUSPENSION.reason, days: DEMO_SUSPENSION.days })) as { id: number };
  const issuedAt = demoTime({ daysAgo: DEMO_SUSPENSION.daysAgo, hour: 11 });
  await strapi.db.query(AUTHOR_SANCTION).update({ where: { id }, data: { issuedAt, endsAt: new Date(issuedAt.getTime() + DEMO_SUSPENSION.days * 24 * HOUR) } });
}

/**
 * A sixth question the secretariat is drafting for the demo phase, meant for other regional
 * reviews too: shared with the moderators of UNECE and of ESCAP, and what they said.
 */
export const DEMO_SHARED_QUESTION = {
  position: 6,
  text: 'How have migrant and diaspora organisations taken part in the national reviews of the GCM in your country, and what would help them take part in the Regional Review?',
  alsoAsked: ['ESCAP'],
  shared: { daysAgo: 5, hour: 8.5 },
  feedback: [
    {
      from: 'moderator.unece@example.org',
      at: { daysAgo: 4, hour: 10 },
      body: 'Could we ask about local reviews too? Several cities in the region held their own consultations, and their organisations may not know the national process.',
    },
    {
      from: 'moderator.escap@example.org',
      at: { daysAgo: 4, hour: 16 },
      body: 'In Asia and the Pacific few countries have held a national review yet. Could the question also ask what would help organisations take part in a first one?',
    },
    {
      from: 'secretariat@example.org',
      at: { daysAgo: 3, hour: 15.5 },
      body: 'Agreed: "national and local reviews, held or planned" in the next version. We post it once the other colleagues have commented.',
    },
  ],
} as const;

/** The draft question and its feedback, through the service the Draft questions page uses. */
async function ensureSharedQuestion(strapi: Core.Strapi, phase: Doc, admins: Record<string, AdminUser>): Promise<void> {
  const questions = strapi.documents(GUIDING_QUESTION);
  const { position, text, alsoAsked, shared, feedback } = DEMO_SHARED_QUESTION;
  if (await questions.findFirst({ filters: { phase: { documentId: phase.documentId }, position }, locale: 'en', status: 'draft' })) return;
  const question = await questions.create({ data: { phase: phase.documentId, position, text, sharedForFeedback: true, feedbackRegions: [...alsoAsked] } as never, locale: 'en' });
  const sharedAt = demoTime(shared);
  await strapi.db.query(GUIDING_QUESTION).updateMany({ where: { documentId: question.documentId }, data: { createdAt: sharedAt, updatedAt: sharedAt } });
  for (const { from, at, body } of feedback) {
    const comment = (await strapi.plugin('moderation').service('questions').comment(actingAs(admins[from], from), question.documentId, body)) as { id: number };
    await strapi.db.query(QUESTION_FEEDBACK).updateMany({ where: { id: comment.id }, data: { createdAt: demoTime(at), updatedAt: demoTime(at) } });
  }
}

/**
 * A phase open today, so that a new user can post at once, and open for twenty days already, so
 * that the demo shows a consultation under way; thirty days long, as the UNECE 2024 phase. Its
 * window moves forward when it has passed.
 */
function demoWindow(now = Date.now()) {
  const opens = Math.floor(now / DAY) * DAY - 20 * DAY;
  const closes = opens + 30 * DAY;
  return {
    opensAt: new Date(opens).toISOString(),
    closesAt: new Date(closes).toISOString(),
    summaryDueAt: new Date(closes + 7 * DAY).toISOString(),
    // Eight weeks after the opening, as the concept note asks.
    reviewDate: new Date(opens + 56 * DAY).toISOString().slice(0, 10),
  };
}

export async function seedDemo(strapi: Core.Strapi): Promise<void> {
  const region = (await strapi.documents('api::region.region').findFirst({ filters: { code: 'UNECE' } })) as Doc;
  const admins = await ensureAdmins(strapi);
  await ensureHubUsers(strapi);

  const unece2024 = (kind: 'pre_review' | 'post_review') => ({ region: region.documentId, reviewCycle: UNECE_2024.reviewCycle, kind, isDemo: false });
  const pre = await ensurePhase(strapi, { ...unece2024('pre_review'), region: { documentId: region.documentId } }, {
    ...unece2024('pre_review'),
    title: UNECE_2024.pre.title,
    opensAt: UNECE_2024.pre.opensAt,
    closesAt: UNECE_2024.pre.closesAt,
    summaryDueAt: UNECE_2024.pre.summaryDueAt,
    description: UNECE_2024.pre.description,
  });
  await ensureQuestions(strapi, pre, UNECE_2024.pre.questions);
  const post = await ensurePhase(strapi, { ...unece2024('post_review'), region: { documentId: region.documentId } }, {
    ...unece2024('post_review'),
    title: UNECE_2024.post.title,
    description: UNECE_2024.post.description,
  });
  await ensureQuestions(strapi, post, UNECE_2024.post.questions);

  const demoFilters = { isDemo: true, region: { documentId: region.documentId } };
  const existingDemo = await strapi.documents('api::phase.phase').findFirst({ filters: demoFilters });
  const stillOpen = existingDemo?.closesAt && new Date(existingDemo.closesAt as string).getTime() > Date.now() + DAY;
  const window: Partial<ReturnType<typeof demoWindow>> = stillOpen ? {} : demoWindow();
  const demo = await ensurePhase(strapi, demoFilters, {
    region: region.documentId,
    kind: 'pre_review',
    isDemo: true,
    reviewCycle: new Date(window.opensAt ?? (existingDemo!.opensAt as string)).getUTCFullYear(),
    title: 'DEMO: UNECE practice space (open now, not a real consultation)',
    description:
      'A demonstration phase with the UNECE 2024 pre-review questions, open today so that the product can be tried. ' +
      'Nothing posted here is part of a real consultation. ' +
      'The questions in French, Spanish, Arabic, Russian and Chinese are demonstration translations, not official United Nations translations.',
    reviewVenue: 'Geneva (demo)',
    ...window,
  });
  const questions = await ensureQuestions(strapi, demo, UNECE_2024.pre.questions);
  await ensureDemoTranslations(strapi, demo, questions);
  await ensureSubmissions(strapi, demo, questions, admins['moderator.unece@example.org']);
  await ensureSuspension(strapi, admins['moderator.unece@example.org']);
  // After the submissions: this Document Service write also tells the read cache that published
  // content changed, their dates included.
  await ensureSharedQuestion(strapi, demo, admins);
}

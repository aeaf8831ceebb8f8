import type { Core } from '@strapi/strapi';
import type { RegionCode, StakeholderCategory } from '../reference/gcm';
import { MODERATOR_ROLE, SECRETARIAT_ROLE } from './admin-roles';
import { DEMO_QUESTION_TRANSLATIONS, type DemoQuestionPosition, type TranslatedLocale } from './demo-question-translations';
import { UNECE_2024 } from './unece-2024';

/**
 * Demo content: the UNECE 2024 space, a demo phase open today with the same questions (in the
 * six UN languages, the five other than English being demonstration translations), demo accounts
 * for every role, and a few submissions in each moderation state. Idempotent: every piece is
 * looked up by a natural key before it is created.
 */

const DAY = 24 * 60 * 60 * 1000;

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
];

export function demoPasswords(): { admin: string; user: string } {
  return {
    admin: process.env.DEMO_ADMIN_PASSWORD || DEMO_ADMIN_PASSWORD_DEFAULT,
    user: process.env.DEMO_USER_PASSWORD || DEMO_USER_PASSWORD_DEFAULT,
  };
}

type Doc = { id: number; documentId: string };

async function ensureAdmins(strapi: Core.Strapi): Promise<Record<string, Doc>> {
  const users = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  const roleIds = {
    'super-admin': ((await roles.getSuperAdmin()) as Doc).id,
    secretariat: ((await roles.findOne({ code: SECRETARIAT_ROLE.code })) as Doc).id,
    moderator: ((await roles.findOne({ code: MODERATOR_ROLE.code })) as Doc).id,
  };
  const byEmail: Record<string, Doc> = {};
  for (const admin of DEMO_ADMINS) {
    let user = (await users.findOneByEmail(admin.email)) as Doc | null;
    if (!user) {
      user = (await users.create({
        email: admin.email,
        firstname: admin.firstname,
        lastname: admin.lastname,
        password: demoPasswords().admin,
        isActive: true,
        registrationToken: null,
        roles: [roleIds[admin.role]],
      })) as Doc;
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
  state: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  reason?: string;
  objectives: number[];
  countries: string[];
  replyToTitle?: string;
  moderatorReply?: string;
  links?: { url: string; label: string }[];
};

const DEMO_SUBMISSIONS: DemoSubmission[] = [
  {
    title: 'City-level partnerships for the inclusion of newcomers',
    body: 'Several municipalities in our network run **one-stop welcome centres** together with migrant organisations. We recommend that the Regional Review discusses how such local partnerships can be funded sustainably.\n\n- shared case management\n- language courses linked to work placements',
    kind: 'recommendation', question: 1, author: 'stakeholder@example.org', state: 'approved', objectives: [15, 16], countries: ['DE', 'AT'],
    links: [{ url: 'https://www.un.org/en/conf/migration/global-compact-for-safe-orderly-regular-migration.shtml', label: 'Global Compact for Migration' }],
    moderatorReply: 'Thank you. Could you share which municipalities took part, so that others in the region can contact them?',
  },
  {
    title: 'Data on regular pathways in the region, 2019 to 2023',
    body: 'Our office compiled figures on labour and family pathways across the region. The tables show where applications rose and where processing times grew.',
    kind: 'data', question: 4, author: 'un-system@example.org', state: 'approved', objectives: [1, 5], countries: ['CH', 'FR', 'IT'],
  },
  {
    title: 'Reply: the same holds for smaller towns',
    body: 'In our experience the welcome-centre model also works in towns under 50,000 inhabitants when it is run jointly by several of them.',
    kind: 'comment', question: 1, author: 'un-system@example.org', state: 'approved', objectives: [16], countries: ['AT'],
    replyToTitle: 'City-level partnerships for the inclusion of newcomers',
  },
  {
    title: 'Access to health care for undocumented workers',
    body: 'We ask that the Review discusses firewalls between health services and immigration enforcement.',
    kind: 'comment', question: 5, author: 'stakeholder@example.org', state: 'pending', objectives: [15], countries: ['FR'],
  },
  {
    title: 'Research report: recruitment fees in seasonal agriculture',
    body: 'Our study of 400 seasonal workers found that most paid recruitment fees. Summary and recommendations attached.',
    kind: 'research_report', question: 2, author: 'stakeholder@example.org', state: 'pending', objectives: [6], countries: ['ES', 'IT'],
  },
  {
    title: 'Reception conditions at the eastern border',
    body: 'Families wait for days without shelter. Local officials speak of an "invasion", which hardens attitudes. Our field coordinator can be reached on +43 1 5344 4000 for details.',
    kind: 'comment', question: 2, author: 'un-system@example.org', state: 'pending', objectives: [7, 11], countries: ['AT', 'HU'],
  },
  {
    title: 'Buy followers for your campaign',
    body: 'Visit our site for cheap followers.',
    kind: 'comment', question: 3, author: 'stakeholder@example.org', state: 'rejected', reason: 'Advertising, unrelated to the guiding question.', objectives: [], countries: [],
  },
  {
    title: 'Draft note on skills recognition',
    body: 'We will resubmit a fuller version of this note later.',
    kind: 'comment', question: 3, author: 'un-system@example.org', state: 'withdrawn', objectives: [18], countries: [],
  },
];

/**
 * Demo submissions go the way real ones do: posted by their author through the submission
 * service, then decided by the UNECE moderator through the moderation lifecycle.
 */
async function ensureSubmissions(strapi: Core.Strapi, phase: Doc, questions: Doc[], moderatorUser: Doc & { firstname: string; lastname: string }): Promise<void> {
  const lifecycle = strapi.plugin('moderation').service('lifecycle');
  const moderator = { kind: 'moderator' as const, id: moderatorUser.id, name: `${moderatorUser.firstname} ${moderatorUser.lastname}`, scope: ['UNECE'] };
  const created = new Map<string, string>();
  for (const demo of DEMO_SUBMISSIONS) {
    const existing = await strapi.documents('api::submission.submission').findFirst({ filters: { title: demo.title, phase: { documentId: phase.documentId } } });
    if (existing) {
      created.set(demo.title, existing.documentId);
      continue;
    }
    const author = await strapi.db.query('plugin::users-permissions.user').findOne({ where: { email: demo.author } });
    const submission = await strapi.service('api::submission.submission').submit(author, {
      kind: demo.kind,
      title: demo.title,
      body: demo.body,
      guidingQuestion: questions[demo.question - 1].documentId,
      replyTo: demo.replyToTitle ? created.get(demo.replyToTitle) : undefined,
      countries: demo.countries,
      gcmObjectives: demo.objectives,
      links: demo.links,
      language: 'en',
    });
    created.set(demo.title, submission.documentId);
    if (demo.state === 'approved') await lifecycle.approve(submission.documentId, moderator);
    if (demo.state === 'rejected') await lifecycle.reject(submission.documentId, moderator, demo.reason);
    if (demo.state === 'withdrawn') await lifecycle.withdraw(submission.documentId, { kind: 'author', id: author.id, name: author.displayName });
    if (demo.moderatorReply) await lifecycle.reply(submission.documentId, moderator, demo.moderatorReply);
  }
}

/** A phase open today, so that a new user can post at once; its window moves forward when it has passed. */
function demoWindow(now = Date.now()) {
  const today = Math.floor(now / DAY) * DAY;
  const closes = today + 21 * DAY;
  return {
    opensAt: new Date(today - 7 * DAY).toISOString(),
    closesAt: new Date(closes).toISOString(),
    summaryDueAt: new Date(closes + 7 * DAY).toISOString(),
    // Eight weeks after the opening, as the concept note asks.
    reviewDate: new Date(closes + 28 * DAY).toISOString().slice(0, 10),
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
  await ensureSubmissions(strapi, demo, questions, admins['moderator.unece@example.org'] as Doc & { firstname: string; lastname: string });
}

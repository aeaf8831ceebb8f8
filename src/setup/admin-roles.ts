import type { Core } from '@strapi/strapi';

/**
 * The admin panel's two working roles. Their permissions are the product's access model, so
 * every start brings them back to what is written here (edits made in Settings > Roles do not
 * survive a restart; give people Super Admin or another role for anything extra).
 */

export const MODERATOR_ROLE = { code: 'gcm-moderator', name: 'Moderator', description: 'Regional Network colleagues who moderate the discussion spaces of their regions.' };
export const SECRETARIAT_ROLE = { code: 'gcm-secretariat', name: 'Secretariat', description: 'The Network secretariat: regions, phases, guiding questions and summaries of every region.' };

/** Condition: the submission (or reply) belongs to a region the admin user moderates. */
export const IN_MODERATED_REGION = 'api::in-moderated-region';
/** Condition: the region is one the admin user moderates. */
export const IS_MODERATED_REGION = 'api::is-moderated-region';

export function registerModerationConditions(strapi: Core.Strapi): Promise<unknown> {
  return strapi.service('admin::permission').conditionProvider.registerMany([
    {
      displayName: 'Belongs to a region I moderate',
      name: 'in-moderated-region',
      handler: (user: { id: number }) => ({ 'region.moderators.id': { $eq: user.id } }),
    },
    {
      displayName: 'Is a region I moderate',
      name: 'is-moderated-region',
      handler: (user: { id: number }) => ({ 'moderators.id': { $eq: user.id } }),
    },
  ]);
}

const CM = 'plugin::content-manager.explorer';
const LOCALIZED = new Set(['api::guiding-question.guiding-question']);

type AdminPermission = {
  action: string;
  subject: string | null;
  properties: Record<string, unknown>;
  conditions: string[];
};

const contentPermissions = (subject: string, actions: string[], conditions: string[] = []): AdminPermission[] =>
  actions.map((action) => ({
    action: `${CM}.${action}`,
    subject,
    // null: every locale of a localized type.
    properties: LOCALIZED.has(subject) ? { locales: null } : {},
    conditions,
  }));

const pluginPermissions = (actions: string[]): AdminPermission[] =>
  actions.map((action) => ({ action, subject: null, properties: {}, conditions: [] }));

const EDIT = ['create', 'read', 'update', 'delete', 'publish'];

/**
 * The secretariat's Media Library: it uploads the files of summaries and sees, changes and
 * downloads the files it uploaded, not the attachments of submissions (which it reads in the
 * workspace). Strapi's own "is creator" condition; uploading cannot carry a condition.
 */
const OWN_MEDIA: AdminPermission[] = [
  { action: 'plugin::upload.assets.create', subject: null, properties: {}, conditions: [] },
  ...['plugin::upload.read', 'plugin::upload.assets.update', 'plugin::upload.assets.download', 'plugin::upload.assets.copy-link'].map((action) => ({
    action,
    subject: null,
    properties: {},
    conditions: ['admin::is-creator'],
  })),
];

/** The moderation plugin's actions; which regions they reach follows the submission read permission above. */
const MODERATION = ['read', 'decide', 'reply', 'edit', 'dashboard', 'questions', 'sanction'].map((action) => `plugin::moderation.${action}`);

const secretariatPermissions = (): AdminPermission[] => [
  ...contentPermissions('api::region.region', ['read', 'update']),
  ...contentPermissions('api::phase.phase', EDIT.filter((a) => a !== 'publish')),
  ...contentPermissions('api::guiding-question.guiding-question', EDIT),
  ...contentPermissions('api::summary.summary', EDIT),
  ...contentPermissions('api::submission.submission', ['read']),
  ...contentPermissions('api::moderator-reply.moderator-reply', ['read']),
  ...contentPermissions('api::gcm-objective.gcm-objective', ['read']),
  ...OWN_MEDIA,
  ...pluginPermissions(['plugin::i18n.locale.read', ...MODERATION, 'plugin::moderation.summarize', 'plugin::moderation.privacy', 'plugin::moderation.draft-questions', 'plugin::moderation.outbox']),
];

const moderatorPermissions = (): AdminPermission[] => [
  ...contentPermissions('api::region.region', ['read'], [IS_MODERATED_REGION]),
  ...contentPermissions('api::phase.phase', ['read']),
  ...contentPermissions('api::guiding-question.guiding-question', ['read']),
  ...contentPermissions('api::summary.summary', ['read']),
  ...contentPermissions('api::submission.submission', ['read'], [IN_MODERATED_REGION]),
  ...contentPermissions('api::moderator-reply.moderator-reply', ['read'], [IN_MODERATED_REGION]),
  ...contentPermissions('api::gcm-objective.gcm-objective', ['read']),
  // No Media Library: the workspace shows a moderator the attachments of their regions.
  ...pluginPermissions(['plugin::i18n.locale.read', ...MODERATION]),
];

type RoleRow = { id: number; code: string };

async function ensureRole(strapi: Core.Strapi, role: typeof MODERATOR_ROLE, permissions: AdminPermission[]): Promise<RoleRow> {
  const roles = strapi.service('admin::role');
  const existing = (await roles.findOne({ code: role.code })) as RoleRow | null;
  const row = existing ?? ((await roles.create(role)) as RoleRow);
  await roles.assignPermissions(row.id, permissions);
  return row;
}

export async function syncAdminRoles(strapi: Core.Strapi): Promise<{ moderator: RoleRow; secretariat: RoleRow }> {
  return {
    moderator: await ensureRole(strapi, MODERATOR_ROLE, moderatorPermissions()),
    secretariat: await ensureRole(strapi, SECRETARIAT_ROLE, secretariatPermissions()),
  };
}

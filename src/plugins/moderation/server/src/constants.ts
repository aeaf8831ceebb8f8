export const SUBMISSION = 'api::submission.submission';
export const MODERATOR_REPLY = 'api::moderator-reply.moderator-reply';
export const REGION = 'api::region.region';
export const MODERATION_EVENT = 'plugin::moderation.moderation-event';
export const AUTHOR_SANCTION = 'plugin::moderation.author-sanction';
export const HUB_USER = 'plugin::users-permissions.user';
/** The longest reason a moderator may give for a rejection or a retraction. */
export const REASON_MAX = 2000;

/** The plugin's RBAC actions (Settings > Roles > Plugins > Moderation). */
export const ACTIONS = {
  read: 'plugin::moderation.read',
  decide: 'plugin::moderation.decide',
  reply: 'plugin::moderation.reply',
  edit: 'plugin::moderation.edit',
  dashboard: 'plugin::moderation.dashboard',
  summarize: 'plugin::moderation.summarize',
  questions: 'plugin::moderation.questions',
  privacy: 'plugin::moderation.privacy',
  sanction: 'plugin::moderation.sanction',
  draftQuestions: 'plugin::moderation.draft-questions',
  outbox: 'plugin::moderation.outbox',
} as const;

/** The Content Manager's read permission on submissions carries the region scope. */
export const CONTENT_MANAGER_READ = 'plugin::content-manager.explorer.read';
export const IN_MODERATED_REGION = 'api::in-moderated-region';

import type { Core } from '@strapi/strapi';
import type { ModerationConfig } from './config';

export default async ({ strapi }: { strapi: Core.Strapi }) => {
  await strapi.service('admin::permission').actionProvider.registerMany([
    { section: 'plugins', pluginName: 'moderation', uid: 'read', displayName: 'Read the moderation queue' },
    { section: 'plugins', pluginName: 'moderation', uid: 'decide', displayName: 'Approve, reject, retract and return submissions for edits' },
    { section: 'plugins', pluginName: 'moderation', uid: 'reply', displayName: 'Reply to submissions' },
    { section: 'plugins', pluginName: 'moderation', uid: 'edit', displayName: 'Redact and translate submissions' },
    { section: 'plugins', pluginName: 'moderation', uid: 'dashboard', displayName: 'See the dashboard, keep the outreach log, export approved submissions' },
    { section: 'plugins', pluginName: 'moderation', uid: 'summarize', displayName: 'Generate summaries' },
    { section: 'plugins', pluginName: 'moderation', uid: 'questions', displayName: 'Read draft guiding questions shared for feedback, and comment' },
    { section: 'plugins', pluginName: 'moderation', uid: 'privacy', displayName: "Export or erase a stakeholder's personal data on request" },
    { section: 'plugins', pluginName: 'moderation', uid: 'draft-questions', displayName: 'Draft guiding questions, share them for feedback and post them' },
    { section: 'plugins', pluginName: 'moderation', uid: 'sanction', displayName: 'Warn, suspend or block the authors of their regions, and lift it' },
    { section: 'plugins', pluginName: 'moderation', uid: 'outbox', displayName: 'See e-mails that could not be sent, send them again or dismiss them' },
  ]);

  const config = strapi.plugin('moderation').config as <K extends keyof ModerationConfig>(key: K) => ModerationConfig[K];
  if (config('moderatorNotifications') === 'daily') {
    strapi.cron.add({
      moderationDigest: {
        // Strapi's cron passes the time the run was scheduled for: the same on every instance.
        task: async (_context: unknown, scheduledFor: unknown) => {
          await strapi.plugin('moderation').service('notifications').sendDigest(scheduledFor instanceof Date ? scheduledFor : new Date());
        },
        options: { rule: config('digestSchedule'), tz: 'Etc/UTC' },
      },
    });
  }

  strapi.plugin('moderation').service('outbox').start();
};

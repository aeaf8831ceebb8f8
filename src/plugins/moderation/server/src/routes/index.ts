import { ACTIONS } from '../constants';

const allowed = (action: string) => ({
  policies: ['admin::isAuthenticatedAdmin', { name: 'admin::hasPermissions', config: { actions: [action] } }],
});

/** Admin routes, served under /moderation. The region scope is checked by the services. */
export default {
  admin: {
    type: 'admin',
    routes: [
      { method: 'GET', path: '/overview', handler: 'submissions.overview', config: allowed(ACTIONS.read) },
      { method: 'GET', path: '/authors/:id', handler: 'authors.findOne', config: allowed(ACTIONS.read) },
      { method: 'POST', path: '/authors/:id/sanctions', handler: 'authors.impose', config: allowed(ACTIONS.sanction) },
      { method: 'POST', path: '/authors/:id/sanctions/:sanctionId/lift', handler: 'authors.lift', config: allowed(ACTIONS.sanction) },
      { method: 'POST', path: '/people/search', handler: 'people.find', config: allowed(ACTIONS.privacy) },
      { method: 'GET', path: '/people/:id/export', handler: 'people.export', config: allowed(ACTIONS.privacy) },
      { method: 'POST', path: '/people/:id/erase', handler: 'people.erase', config: allowed(ACTIONS.privacy) },
      { method: 'GET', path: '/outbox', handler: 'outbox.overview', config: allowed(ACTIONS.outbox) },
      { method: 'POST', path: '/outbox/:id/retry', handler: 'outbox.retry', config: allowed(ACTIONS.outbox) },
      { method: 'POST', path: '/outbox/:id/dismiss', handler: 'outbox.dismiss', config: allowed(ACTIONS.outbox) },
      { method: 'GET', path: '/phases', handler: 'phases.find', config: allowed(ACTIONS.dashboard) },
      { method: 'GET', path: '/phases/:documentId/dashboard', handler: 'phases.dashboard', config: allowed(ACTIONS.dashboard) },
      { method: 'GET', path: '/phases/:documentId/outreach', handler: 'phases.outreach', config: allowed(ACTIONS.dashboard) },
      { method: 'POST', path: '/phases/:documentId/outreach', handler: 'phases.recordOutreach', config: allowed(ACTIONS.dashboard) },
      { method: 'GET', path: '/phases/:documentId/export', handler: 'phases.export', config: allowed(ACTIONS.dashboard) },
      { method: 'POST', path: '/phases/:documentId/summary', handler: 'phases.generateSummary', config: allowed(ACTIONS.summarize) },
      { method: 'GET', path: '/summaries/:documentId/download', handler: 'phases.downloadSummary', config: allowed(ACTIONS.dashboard) },
      { method: 'GET', path: '/questions', handler: 'phases.questions', config: allowed(ACTIONS.questions) },
      { method: 'GET', path: '/questions/drafts', handler: 'phases.questionDrafts', config: allowed(ACTIONS.draftQuestions) },
      { method: 'POST', path: '/questions', handler: 'phases.draftQuestion', config: allowed(ACTIONS.draftQuestions) },
      { method: 'POST', path: '/questions/:documentId/share', handler: 'phases.shareQuestion', config: allowed(ACTIONS.draftQuestions) },
      { method: 'POST', path: '/questions/:documentId/post', handler: 'phases.postQuestion', config: allowed(ACTIONS.draftQuestions) },
      { method: 'POST', path: '/questions/:documentId/feedback', handler: 'phases.questionFeedback', config: allowed(ACTIONS.questions) },
      { method: 'GET', path: '/submissions', handler: 'submissions.find', config: allowed(ACTIONS.read) },
      { method: 'POST', path: '/submissions/bulk', handler: 'submissions.bulk', config: allowed(ACTIONS.decide) },
      { method: 'GET', path: '/submissions/:documentId', handler: 'submissions.findOne', config: allowed(ACTIONS.read) },
      // Who else has it open: said while the page is open, withdrawn when it closes.
      { method: 'POST', path: '/submissions/:documentId/presence', handler: 'submissions.present', config: allowed(ACTIONS.read) },
      { method: 'DELETE', path: '/submissions/:documentId/presence', handler: 'submissions.leave', config: allowed(ACTIONS.read) },
      { method: 'GET', path: '/submissions/:documentId/attachments/:fileId/text', handler: 'submissions.attachmentText', config: allowed(ACTIONS.read) },
      { method: 'GET', path: '/submissions/:documentId/attachments/:fileId/preview', handler: 'submissions.attachmentPreview', config: allowed(ACTIONS.read) },
      { method: 'POST', path: '/submissions/:documentId/approve', handler: 'submissions.approve', config: allowed(ACTIONS.decide) },
      { method: 'POST', path: '/submissions/:documentId/reject', handler: 'submissions.reject', config: allowed(ACTIONS.decide) },
      { method: 'POST', path: '/submissions/:documentId/retract', handler: 'submissions.retract', config: allowed(ACTIONS.decide) },
      { method: 'POST', path: '/submissions/:documentId/return', handler: 'submissions.returnForEdits', config: allowed(ACTIONS.decide) },
      { method: 'POST', path: '/submissions/:documentId/replies', handler: 'submissions.reply', config: allowed(ACTIONS.reply) },
      { method: 'POST', path: '/submissions/:documentId/redact', handler: 'submissions.redact', config: allowed(ACTIONS.edit) },
      { method: 'POST', path: '/submissions/:documentId/translations', handler: 'submissions.translate', config: allowed(ACTIONS.edit) },
    ],
  },
};

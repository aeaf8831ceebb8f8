/** The author's own submissions, before the core routes so that /submissions/mine is not an id. */
const HUB_USER = { policies: ['global::is-hub-user'] };

export default {
  routes: [
    { method: 'GET', path: '/submissions/mine', handler: 'api::submission.submission.mine', config: HUB_USER },
    { method: 'GET', path: '/submissions/mine/:id', handler: 'api::submission.submission.mineOne', config: HUB_USER },
    { method: 'PUT', path: '/submissions/:id', handler: 'api::submission.submission.resubmit', config: HUB_USER },
    { method: 'POST', path: '/submissions/:id/withdraw', handler: 'api::submission.submission.withdraw', config: HUB_USER },
  ],
};

import { AUTHOR_ROUTES } from '../contract';

/**
 * Posting and the author's own submissions, before the core routes so that /submissions/mine is
 * not an id. Each route says what it accepts and answers (contract.ts), for docs/openapi.json.
 */
const HUB_USER = { policies: ['global::is-hub-user'] };
const handler = (action: keyof typeof AUTHOR_ROUTES) => ({ handler: `api::submission.submission.${action}`, config: HUB_USER, ...AUTHOR_ROUTES[action] });

export default {
  routes: [
    { method: 'POST', path: '/submissions', ...handler('create') },
    { method: 'GET', path: '/submissions/mine', ...handler('mine') },
    { method: 'GET', path: '/submissions/mine/:id', ...handler('mineOne') },
    { method: 'PUT', path: '/submissions/:id', ...handler('resubmit') },
    { method: 'POST', path: '/submissions/:id/withdraw', ...handler('withdraw') },
  ],
};

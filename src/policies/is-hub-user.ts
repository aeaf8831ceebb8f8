import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

/**
 * Posting and the author's own list belong to a signed-in Hub user: an API token, whatever it
 * may read, has no author behind it.
 */
const isHubUser: Core.PolicyHandler = (policyContext) => {
  if (!(policyContext as unknown as { state: { user?: unknown } }).state.user) {
    throw new errors.PolicyError('Sign in as a Hub user (Authorization: Bearer <jwt from /api/auth/local>) to post or to list your own submissions; API tokens cannot.');
  }
  return true;
};

export default isHubUser;

import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { looksLikeContact } from '../utils/person-name';

/**
 * A Hub account's display name is published with its posts: registration, the account's own
 * changes and the Content Manager alike refuse one that reads as an e-mail address or a phone
 * number.
 */
export function guardDisplayNames(strapi: Core.Strapi): void {
  const check = (event: { params: { data?: { displayName?: unknown } } }) => {
    const name = event.params.data?.displayName;
    if (typeof name === 'string' && looksLikeContact(name)) {
      throw new errors.ValidationError('displayName looks like an e-mail address or a phone number; it is shown with your posts, so choose a name.', { path: ['displayName'] });
    }
  };
  strapi.db.lifecycles.subscribe({ models: ['plugin::users-permissions.user'], beforeCreate: check, beforeUpdate: check });
}

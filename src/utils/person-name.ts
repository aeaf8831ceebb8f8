import { errors } from '@strapi/utils';

const EMAIL_LIKE = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** Seven digits or more, however separated: a phone number, or an identity document's number. */
const NUMBER_LIKE = /(?:\d[\s().+\-/]*){7,}/;

/** True when a name shown with a post would publish how to reach or identify its author. */
export function looksLikeContact(name: string): boolean {
  return EMAIL_LIKE.test(name) || NUMBER_LIKE.test(name);
}

/**
 * The name a Hub user's posts are signed with: their display name, which the Hub collects and
 * which is meant to be public. Never the user name (Hub front ends often use the e-mail address
 * as one), and never something that reads as an address or a phone number.
 */
export function publicNameOf(user: { displayName?: string | null }): string {
  const name = user.displayName?.trim();
  if (!name) {
    throw new errors.ValidationError('Your account has no display name, and posts are signed with it: the Hub must collect one (displayName at registration), or the secretariat adds it to your account.');
  }
  if (looksLikeContact(name)) {
    throw new errors.ValidationError('Your display name looks like an e-mail address or a phone number, and it would be published with your posts: choose another one.');
  }
  return name;
}

import { errors } from '@strapi/utils';
import { neutraliseText } from '../../../../utils/text';

/** A text a moderator or the secretariat must give (a reason, a note, a reply), neutralised as every text is, within its bounds. */
export function requireText(value: unknown, what: string, max: number, min = 1): string {
  const text = typeof value === 'string' ? neutraliseText(value) : '';
  if (!text) throw new errors.ValidationError(`${what} is required.`);
  if (text.length < min) throw new errors.ValidationError(`${what} must be at least ${min} characters.`);
  if (text.length > max) throw new errors.ValidationError(`${what} is longer than ${max} characters.`);
  return text;
}

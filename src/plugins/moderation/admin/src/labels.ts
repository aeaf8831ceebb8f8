import { STAKEHOLDER_CATEGORIES, SUBMISSION_KINDS, UN_LANGUAGES } from '../../../../reference/gcm';

/** How the admin shows reference values: the labels of src/reference/gcm.ts. */
export const KINDS: Record<string, string> = SUBMISSION_KINDS;
export const CATEGORIES: Record<string, string> = STAKEHOLDER_CATEGORIES;
export const LANGUAGES: Record<string, string> = Object.fromEntries(UN_LANGUAGES.map((l) => [l.code, l.name]));

export const FLAG_LABELS: Record<string, string> = { email: 'E-mail address', phone: 'Phone number', link: 'Link', 'sensitive-term': 'Sensitive term' };

/** "3 days", "5 h", "12 min": how long something has waited. */
export function waited(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.round((now - new Date(since).getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(hours / 24)} days`;
}

/** Texts are stored with `<` escaped (src/utils/text.ts); React escapes on display, so undo it there. */
export const displayText = (text: string | null | undefined) => (text ?? '').replace(/&lt;/g, '<');

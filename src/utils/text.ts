/**
 * How every free text of a post (titles, bodies, replies, reasons) is made safe on the way in,
 * the same way always: Markdown stays Markdown, HTML becomes visible text. Escaping `<` is
 * enough for that, since no tag, comment or script can start without it, and Markdown renders
 * `&lt;` as a literal `<`. Control characters other than tab and newline are removed, line
 * endings normalised, and surrounding white space trimmed.
 */
export function neutraliseText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, '')
    .replace(/</g, '&lt;')
    .trim();
}

/** The text as its author typed it, for plain-text places (e-mails) where `&lt;` would show as such. */
export const plainText = (stored: string): string => stored.replace(/&lt;/g, '<');

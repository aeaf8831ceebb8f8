import { Typography } from '@strapi/design-system';
import { useMemo, type ComponentProps } from 'react';
import { useIntl } from 'react-intl';
import { CATEGORY_LABELS, KIND_LABELS, LANGUAGE_NAMES, labelLanguage, OBJECTIVE_TITLES, REGION_LABELS } from '../../../../reference/gcm-labels';
import type { ModerationState, ScreeningFlag } from './api';
import { directionOf, useT, type MessageKey } from './i18n';

const STATE_KEYS: Record<ModerationState, MessageKey> = { pending: 'state.pending', returned: 'state.returned', approved: 'state.approved', rejected: 'state.rejected', withdrawn: 'state.withdrawn' };
const FLAG_KEYS: Record<ScreeningFlag['kind'], MessageKey> = { email: 'flag.email', phone: 'flag.phone', link: 'flag.link', 'sensitive-term': 'flag.sensitiveTerm', 'unscreened-attachment': 'flag.unscreened' };
const EVENT_KEYS: Record<string, MessageKey> = {
  submitted: 'event.submitted',
  approved: 'event.approved',
  rejected: 'event.rejected',
  retracted: 'event.retracted',
  withdrawn: 'event.withdrawn',
  returned: 'event.returned',
  resubmitted: 'event.resubmitted',
  replied: 'event.replied',
  redacted: 'event.redacted',
  translated: 'event.translated',
  anonymised: 'event.anonymised',
  erased: 'event.erased',
};
export const CHANNEL_KEYS: Record<string, MessageKey> = {
  email: 'channel.email',
  phone: 'channel.phone',
  meeting: 'channel.meeting',
  event: 'channel.event',
  social_media: 'channel.socialMedia',
  other: 'channel.other',
};

/**
 * Reference values (kinds, stakeholder categories, GCM objectives, regions, languages) in the
 * admin's language, from src/reference/gcm-labels.ts; states, flags and log actions from the
 * plugin's translations; countries from the browser's own Intl data.
 */
export function useLabels() {
  const { locale } = useIntl();
  const { t } = useT();
  return useMemo(() => {
    const language = labelLanguage(locale);
    const countries = new Intl.DisplayNames([locale], { type: 'region', fallback: 'code' });
    const kinds: Record<string, string> = KIND_LABELS[language];
    const categories: Record<string, string> = CATEGORY_LABELS[language];
    const languages: Record<string, string> = LANGUAGE_NAMES[language];
    const regions: Record<string, { name: string }> = REGION_LABELS[language];
    return {
      kinds,
      categories,
      languages,
      kind: (code: string) => kinds[code] ?? code,
      category: (code: string | null | undefined) => (code ? categories[code] ?? code : ''),
      language: (code: string) => languages[code] ?? code,
      region: (code: string) => regions[code]?.name ?? code,
      objective: (n: number) => OBJECTIVE_TITLES[language][n - 1] ?? String(n),
      country: (code: string) => {
        try {
          return countries.of(code) ?? code;
        } catch {
          return code;
        }
      },
      state: (state: string) => (STATE_KEYS[state as ModerationState] ? t(STATE_KEYS[state as ModerationState]) : state),
      flag: (kind: ScreeningFlag['kind']) => (FLAG_KEYS[kind] ? t(FLAG_KEYS[kind]) : kind),
      event: (action: string) => (EVENT_KEYS[action] ? t(EVENT_KEYS[action]) : action),
      channel: (code: string) => (CHANNEL_KEYS[code] ? t(CHANNEL_KEYS[code]) : code),
    };
  }, [locale, t]);
}

/** Texts are stored with `<` escaped (src/utils/text.ts); React escapes on display, so undo it there. */
export const displayText = (text: string | null | undefined) => (text ?? '').replace(/&lt;/g, '<');

type UserTextProps = ComponentProps<typeof Typography> & { language?: string | null; text: string | null | undefined };

/**
 * What people wrote (a post, a translation, a question, a name), marked with its language so that
 * an Arabic post reads right to left in an English workspace and the reverse; `auto` when the
 * language is not known.
 */
export const UserText = ({ language, text, ...props }: UserTextProps) => (
  <Typography lang={language ?? undefined} dir={language ? directionOf(language) : 'auto'} {...props}>
    {displayText(text)}
  </Typography>
);

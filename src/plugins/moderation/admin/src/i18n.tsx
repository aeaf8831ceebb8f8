import type { PrimitiveType } from 'intl-messageformat';
import { useCallback, useMemo, type ReactNode } from 'react';
import { useIntl } from 'react-intl';
import en from './translations/en.json';
import { PLUGIN_ID } from './pluginId';

export type MessageKey = keyof typeof en;

/** Which way a language is written: the workspace's own locale, or the language of a user's text. */
export const directionOf = (language: string | null | undefined): 'rtl' | 'ltr' => (/^(ar|he|fa|ur)(-|$)/i.test(language ?? '') ? 'rtl' : 'ltr');

/** The plugin's messages, keyed as in translations/en.json, which is also the fallback. */
export function useT() {
  const { formatMessage } = useIntl();
  const t = useCallback(
    (key: MessageKey, values?: Record<string, PrimitiveType>): string => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values),
    [formatMessage],
  );
  /** A message with React elements in it (a link in a sentence), so that translators keep the order. */
  const rich = useCallback(
    (key: MessageKey, values: Record<string, ReactNode>): ReactNode => formatMessage({ id: `${PLUGIN_ID}.${key}`, defaultMessage: en[key] }, values),
    [formatMessage],
  );
  return useMemo(() => ({ t, rich }), [t, rich]);
}

const MINUTE = 60000;

/** Durations and moments in the admin's locale: "3 days", "3 days ago", "28 Nov 2026, 10:04". */
export function useTime() {
  const intl = useIntl();
  return useMemo(() => {
    const span = (since: string, now: number) => {
      const minutes = Math.max(0, Math.round((now - new Date(since).getTime()) / MINUTE));
      if (minutes < 60) return { value: minutes, unit: 'minute' as const };
      const hours = Math.round(minutes / 60);
      if (hours < 48) return { value: hours, unit: 'hour' as const };
      return { value: Math.round(hours / 24), unit: 'day' as const };
    };
    return {
      /** How long something has waited. */
      waited: (since: string, now = Date.now()) => {
        const { value, unit } = span(since, now);
        return intl.formatNumber(value, { style: 'unit', unit, unitDisplay: 'long' });
      },
      /** When something happened, relative to now. */
      ago: (since: string, now = Date.now()) => {
        const { value, unit } = span(since, now);
        return intl.formatRelativeTime(-value, unit, { numeric: 'auto' });
      },
      moment: (at: string) => intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' }),
      day: (at: string) => intl.formatDate(at, { dateStyle: 'medium', timeZone: 'UTC' }),
      number: (n: number) => intl.formatNumber(n),
      /** Strapi's upload records sizes in kB. */
      kilobytes: (kB: number) => intl.formatNumber(Math.max(1, Math.round(kB)), { style: 'unit', unit: 'kilobyte' }),
      list: (items: string[]) => intl.formatList(items, { type: 'conjunction', style: 'narrow' }),
    };
  }, [intl]);
}

const ERROR_KEYS: Record<string, MessageKey> = {
  changedMeanwhile: 'error.changedMeanwhile',
  notInState: 'error.notInState',
  withdrawnNoReply: 'error.withdrawnNoReply',
  outOfRegion: 'error.outOfRegion',
  noRegionModerated: 'error.noRegionModerated',
  failedAlone: 'error.failedAlone',
};

/**
 * Says a server error in the moderator's language when the server gave it a code (the plugin's
 * own refusals do); otherwise shows the server's message, which names the field at fault.
 */
export function useErrorText() {
  const { t } = useT();
  const { formatMessage } = useIntl();
  return useCallback(
    ({ message, details }: { message?: string | null; details?: { code?: string; values?: Record<string, string> } }): string => {
      const key = details?.code ? ERROR_KEYS[details.code] : undefined;
      if (!key) return message || t('error.generic');
      const values = { ...details?.values };
      if (values.state) values.state = formatMessage({ id: `${PLUGIN_ID}.state.${values.state}`, defaultMessage: values.state });
      return t(key, values);
    },
    [t, formatMessage],
  );
}

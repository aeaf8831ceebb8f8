import { Shield } from '@strapi/icons';
import { useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState, type ComponentProps } from 'react';
import type { Overview } from '../api';
import { useT } from '../i18n';

/** How often the menu's count of waiting submissions is refreshed, while the admin panel is visible. */
const REFRESH_MS = 30_000;

/**
 * The menu entry's icon, with the number of submissions waiting in the regions one moderates.
 * Strapi's menu takes a fixed `notificationsCount` only, so the icon carries the live count itself.
 */
export const PendingCountIcon = (props: ComponentProps<typeof Shield>) => {
  const { get } = useFetchClient();
  const { t } = useT();
  const [pending, setPending] = useState(0);
  useEffect(() => {
    let live = true;
    const refresh = () => {
      if (document.visibilityState !== 'visible') return;
      get<{ data: Overview }>('/moderation/overview').then(
        ({ data }) => live && setPending(data.data.regions.reduce((sum, region) => sum + region.pending, 0)),
        // No count is better than a wrong one; the queue itself says what failed.
        () => live && setPending(0),
      );
    };
    refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [get]);
  return (
    <span style={{ position: 'relative', display: 'inline-flex' }}>
      <Shield {...props} />
      {pending > 0 && (
        <span
          data-testid="pending-count"
          style={{ position: 'absolute', top: -8, insetInlineEnd: -12, minWidth: 18, padding: '0 4px', borderRadius: 9, background: '#4945ff', color: '#fff', fontSize: 11, lineHeight: '18px', textAlign: 'center', fontWeight: 600 }}
        >
          {t(pending > 99 ? 'menu.pendingMore' : 'menu.pending', { count: Math.min(pending, 99) })}
        </span>
      )}
    </span>
  );
};

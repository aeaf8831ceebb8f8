import { useEffect, useRef, useState } from 'react';
import { useModerationApi, type Presence, type PresenceStatus } from './api';

/** How often an open, used page says it is still there (the server lets a claim lapse after 3 minutes). */
const BEAT_MS = 10000;
/** A page nobody has touched for this long stops saying so: an idle tab does not hold a submission. */
const IDLE_MS = 2 * 60 * 1000;

/**
 * While a pending submission is open and in use, tells the region's other moderators (through the
 * server, so every instance knows) and learns who else is on it, and whether someone decided it
 * meanwhile. Leaving the page withdraws the mark.
 */
export function usePresence(documentId: string, pending: boolean, onDecidedElsewhere: (status: PresenceStatus) => void) {
  const api = useModerationApi();
  const [others, setOthers] = useState<Presence[]>([]);
  const decided = useRef(onDecidedElsewhere);
  decided.current = onDecidedElsewhere;

  useEffect(() => {
    if (!pending) return;
    let lastActivity = Date.now();
    let stopped = false;
    const active = () => {
      lastActivity = Date.now();
    };
    const beat = async () => {
      if (document.visibilityState !== 'visible' || Date.now() - lastActivity > IDLE_MS) return;
      try {
        const status = await api.present(documentId);
        if (stopped) return;
        setOthers(status.others);
        if (status.moderationState !== 'pending') decided.current(status);
      } catch {
        // The next beat tries again; the page itself shows errors of what the moderator does.
      }
    };
    const events = ['keydown', 'pointerdown', 'pointermove', 'scroll'] as const;
    events.forEach((name) => window.addEventListener(name, active, { passive: true }));
    document.addEventListener('visibilitychange', active);
    void beat();
    const timer = window.setInterval(() => void beat(), BEAT_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
      events.forEach((name) => window.removeEventListener(name, active));
      document.removeEventListener('visibilitychange', active);
      api.leave(documentId).catch(() => undefined);
    };
  }, [api, documentId, pending]);

  return others;
}

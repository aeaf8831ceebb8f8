import { Alert, Box, Button, Divider, Field, Flex, Link, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { NavLink } from 'react-router-dom';
import { errorOf, useModerationApi, type AuthorContext, type Sanction, type SanctionKind } from '../api';
import { useErrorText, useT, useTime, type MessageKey } from '../i18n';
import { displayText, useLabels, UserText } from '../labels';
import { FormDialog } from './FormDialog';
import { Select } from './Select';

/** The suspensions offered; the server takes any number of days up to a year. */
const SUSPENSION_DAYS = [1, 3, 7, 14, 30, 90];
/** Earlier submissions shown beside this one; the rest are counted. */
const SHOWN = 8;

const KIND_KEYS: Record<SanctionKind, MessageKey> = { warning: 'sanction.kind.warning', suspension: 'sanction.kind.suspension', block: 'sanction.kind.block' };
const TITLE_KEYS: Record<SanctionKind, MessageKey> = { warning: 'sanction.warnTitle', suspension: 'sanction.suspendTitle', block: 'sanction.blockTitle' };

type Dialog = { kind: SanctionKind } | { lift: Sanction } | null;

/**
 * The author beside their submission: who they are, what else they posted in the regions one
 * moderates and what became of it, and their warnings and restrictions, which a moderator with
 * the sanction permission can add or lift.
 */
export const AuthorPanel = ({ authorId, current, canSanction }: { authorId: number; current: string; canSanction: boolean }) => {
  const api = useModerationApi();
  const { t, rich } = useT();
  const time = useTime();
  const labels = useLabels();
  const errorText = useErrorText();
  const { toggleNotification } = useNotification();
  const [author, setAuthor] = useState<AuthorContext | null>(null);
  const [failed, setFailed] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [reason, setReason] = useState('');
  const [days, setDays] = useState(7);
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    try {
      setAuthor(await api.author(authorId));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }, [api, authorId]);
  useEffect(() => {
    void load();
  }, [load]);

  const openDialog = (next: Dialog) => {
    setReason('');
    setDays(7);
    setDialog(next);
  };
  const confirm = async () => {
    if (!dialog) return;
    setBusy(true);
    try {
      if ('lift' in dialog) await api.liftSanction(authorId, dialog.lift.id, reason.trim());
      else await api.sanction(authorId, { kind: dialog.kind, reason: reason.trim(), ...(dialog.kind === 'suspension' ? { days } : {}) });
      toggleNotification({ type: 'success', message: t('lift' in dialog ? 'sanction.liftedDone' : 'sanction.done') });
      setDialog(null);
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
    } finally {
      setBusy(false);
      await load();
    }
  };

  if (failed) return <Typography textColor="neutral600">{t('sanction.loadError')}</Typography>;
  if (!author) return <Typography textColor="neutral600">{t('common.loading')}</Typography>;
  const earlier = author.submissions.filter((s) => s.documentId !== current);
  const restriction = author.inForce;

  return (
    <Flex direction="column" alignItems="stretch" gap={3} data-testid="author-panel">
      <Typography variant="pi" textColor="neutral600">
        {rich('author.registered', { date: time.day(author.registeredAt), country: author.country ? labels.country(author.country) : '–', category: labels.category(author.stakeholderCategory) || '–' })}
      </Typography>
      {restriction && (
        <Alert variant="danger" title={restriction.kind === 'block' ? t('sanction.inForceBlock') : t('sanction.inForceSuspension', { date: time.moment(restriction.endsAt!) })} closeLabel={t('common.close')} data-testid="sanction-in-force">
          <bdi>{restriction.reason}</bdi>
        </Alert>
      )}
      <Typography variant="sigma" textColor="neutral600">
        {t('author.earlier')}
      </Typography>
      {earlier.length === 0 && <Typography textColor="neutral600">{t('author.noEarlier')}</Typography>}
      {earlier.slice(0, SHOWN).map((s) => (
        <Box key={s.documentId}>
          <Link tag={NavLink} to={`../${s.documentId}`} relative="path">
            <UserText language={s.language} text={s.title} />
          </Link>
          <Typography variant="pi" textColor="neutral600" display="block">
            {t('author.submissionLine', { state: labels.state(s.moderationState), ago: time.ago(s.createdAt), region: s.regionCode ?? '–' })}
          </Typography>
          {s.decisionReason && (s.moderationState === 'rejected' || s.moderationState === 'returned') && (
            <Typography variant="pi" display="block">
              {rich('history.reason', { reason: <bdi key="reason">{displayText(s.decisionReason)}</bdi> })}
            </Typography>
          )}
        </Box>
      ))}
      <Typography variant="pi" textColor="neutral600">
        {t('author.counts', { here: author.submissionCount, elsewhere: author.submissionsElsewhere })}
      </Typography>
      <Divider />
      <Typography variant="sigma" textColor="neutral600">
        {t('sanction.history')}
      </Typography>
      {author.sanctions.length === 0 && <Typography textColor="neutral600">{t('sanction.none')}</Typography>}
      {author.sanctionsElsewhere > 0 && <Typography variant="pi" textColor="neutral600">{t('sanction.elsewhere', { count: author.sanctionsElsewhere })}</Typography>}
      {author.sanctions.map((s) => (
        <Box key={s.id} data-testid="sanction">
          <Typography display="block">
            {rich(s.endsAt ? 'sanction.entryUntil' : 'sanction.entry', { kind: <strong key="kind">{t(KIND_KEYS[s.kind])}</strong>, by: <bdi key="by">{s.issuedByName}</bdi>, ago: time.ago(s.issuedAt), until: s.endsAt ? time.moment(s.endsAt) : '' })}
          </Typography>
          <Typography variant="pi" display="block">
            {rich('history.reason', { reason: <bdi key="reason">{s.reason}</bdi> })}
          </Typography>
          {s.liftedAt ? (
            <Typography variant="pi" textColor="neutral600" display="block">
              {rich('sanction.lifted', { by: <bdi key="by">{s.liftedByName}</bdi>, ago: time.ago(s.liftedAt) })}
            </Typography>
          ) : (
            s.kind !== 'warning' &&
            canSanction && (
              <Button variant="tertiary" size="S" onClick={() => openDialog({ lift: s })}>
                {t('sanction.lift')}
              </Button>
            )
          )}
        </Box>
      ))}
      {canSanction && (
        <Flex gap={2} wrap="wrap">
          <Button variant="secondary" onClick={() => openDialog({ kind: 'warning' })}>
            {t('sanction.warn')}
          </Button>
          <Button variant="danger-light" onClick={() => openDialog({ kind: 'suspension' })}>
            {t('sanction.suspend')}
          </Button>
          <Button variant="danger-light" onClick={() => openDialog({ kind: 'block' })}>
            {t('sanction.block')}
          </Button>
        </Flex>
      )}

      <FormDialog
        open={dialog !== null}
        title={dialog ? t('lift' in dialog ? 'sanction.liftTitle' : TITLE_KEYS[dialog.kind]) : ''}
        confirmLabel={dialog ? t('lift' in dialog ? 'sanction.lift' : dialog.kind === 'warning' ? 'sanction.warn' : dialog.kind === 'suspension' ? 'sanction.suspend' : 'sanction.block') : ''}
        confirmVariant={dialog && 'kind' in dialog && dialog.kind !== 'warning' ? 'danger' : 'default'}
        disabled={Boolean(dialog && 'kind' in dialog && !reason.trim())}
        busy={busy}
        onClose={() => setDialog(null)}
        onConfirm={() => void confirm()}
      >
        {dialog && 'kind' in dialog && <Typography textColor="neutral600">{t(dialog.kind === 'warning' ? 'sanction.warnHelp' : 'sanction.help')}</Typography>}
        {dialog && 'kind' in dialog && dialog.kind === 'suspension' && (
          <Field.Root name="days">
            <Field.Label>{t('sanction.days')}</Field.Label>
            <Select value={String(days)} onChange={(v: string | number) => setDays(Number(v))}>
              {SUSPENSION_DAYS.map((n) => (
                <SingleSelectOption key={n} value={String(n)}>
                  {t('sanction.daysOption', { count: n })}
                </SingleSelectOption>
              ))}
            </Select>
          </Field.Root>
        )}
        <Field.Root name="sanctionReason" required={Boolean(dialog && 'kind' in dialog)}>
          <Field.Label>{t(dialog && 'lift' in dialog ? 'sanction.liftReason' : dialog && 'kind' in dialog && dialog.kind === 'warning' ? 'sanction.message' : 'sanction.reason')}</Field.Label>
          <Textarea dir="auto" value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
        </Field.Root>
      </FormDialog>
    </Flex>
  );
};

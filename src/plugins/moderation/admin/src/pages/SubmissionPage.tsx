import {
  Alert,
  Badge,
  Box,
  Button,
  Divider,
  Field,
  Flex,
  Grid,
  Link,
  Loader,
  SingleSelectOption,
  Textarea,
  TextButton,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { errorOf, useModerationApi, type EarlierVersion, type Overview, type PresenceStatus, type ScreeningFlag, type SubmissionDetail } from '../api';
import { AttachmentPreview, type Attachment } from '../components/AttachmentPreview';
import { AuthorPanel } from '../components/AuthorPanel';
import { FlagBadges } from '../components/FlagBadges';
import { FormDialog } from '../components/FormDialog';
import { ReasonDialog } from '../components/ReasonDialog';
import { RetractDialog } from '../components/RetractDialog';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { directionOf, useErrorText, useT, useTime, type MessageKey } from '../i18n';
import { displayText, useLabels, UserText } from '../labels';
import { usePresence } from '../usePresence';
import { useShortcuts } from '../useShortcuts';
import { Select } from '../components/Select';

const STATE_BADGE: Record<string, { background: string; text: string }> = {
  pending: { background: 'secondary100', text: 'secondary700' },
  approved: { background: 'success100', text: 'success700' },
  rejected: { background: 'danger100', text: 'danger700' },
  withdrawn: { background: 'neutral150', text: 'neutral700' },
  returned: { background: 'warning100', text: 'warning700' },
};

/** The text with what screening found marked, so a moderator sees it at once. */
const Highlighted = ({ text, flags }: { text: string; flags: ScreeningFlag[] | null }) => {
  const matches = (flags ?? []).map((f) => f.match).filter(Boolean);
  if (!matches.length) return <>{text}</>;
  const pattern = new RegExp(`(${matches.map((m) => m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})`, 'giu');
  return (
    <>
      {text.split(pattern).map((part, i) =>
        matches.some((m) => m.toLowerCase() === part.toLowerCase()) ? (
          <mark key={i} style={{ background: '#fdf4dc', borderBottom: '2px solid #d9822f' }}>
            {part}
          </mark>
        ) : (
          <Fragment key={i}>{part}</Fragment>
        ),
      )}
    </>
  );
};

const Section = ({ title, children }: { title: string; children: React.ReactNode }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
    <Flex direction="column" alignItems="stretch" gap={3}>
      <Typography variant="delta" tag="h2">
        {title}
      </Typography>
      {children}
    </Flex>
  </Box>
);

const Meta = ({ label, children }: { label: string; children: React.ReactNode }) => (
  <Flex direction="column" alignItems="flex-start" gap={1}>
    <Typography variant="sigma" textColor="neutral600">
      {label}
    </Typography>
    <Typography tag="div">{children}</Typography>
  </Flex>
);

/** One submission; remounted per submission so that nothing typed for one reaches the next. */
export const SubmissionPage = () => {
  const { documentId = '' } = useParams();
  return <Submission key={documentId} documentId={documentId} />;
};

const Submission = ({ documentId }: { documentId: string }) => {
  const api = useModerationApi();
  const navigate = useNavigate();
  const { t, rich } = useT();
  const time = useTime();
  const labels = useLabels();
  const errorText = useErrorText();
  const { locale } = useIntl();
  const {
    allowedActions: { canDecide, canReply, canEdit, canSanction },
  } = useRBAC({
    decide: [{ action: 'plugin::moderation.decide', subject: null }],
    sanction: [{ action: 'plugin::moderation.sanction', subject: null }],
    reply: [{ action: 'plugin::moderation.reply', subject: null }],
    edit: [{ action: 'plugin::moderation.edit', subject: null }],
  });
  const location = useLocation() as { state?: { ids?: string[] } };
  const { toggleNotification } = useNotification();
  const [submission, setSubmission] = useState<SubmissionDetail | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<null | 'approve' | 'reject' | 'return' | 'retract' | 'redact' | 'translate' | 'shortcuts'>(null);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [redaction, setRedaction] = useState({ title: '', body: '' });
  const [translation, setTranslation] = useState({ language: '', title: '', body: '' });
  const [shownTranslation, setShownTranslation] = useState<string | null>(null);
  const [decidedElsewhere, setDecidedElsewhere] = useState<PresenceStatus | null>(null);
  const [previewed, setPreviewed] = useState<Attachment | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [detail, o] = await Promise.all([api.detail(documentId), api.overview()]);
      setSubmission(detail);
      setOverview(o);
      setShownTranslation(detail.translations[0]?.language ?? null);
      setTranslation((current) => (current.language ? current : { ...current, language: Object.keys(labels.languages).find((code) => code !== detail.language) ?? '' }));
    } catch (e) {
      setError(errorText(errorOf(e)));
    }
  }, [api, documentId, errorText, labels.languages]);

  useEffect(() => {
    setSubmission(null);
    void load();
  }, [load]);

  /** The next pending submission: of the list the moderator came from, else the oldest waiting. */
  const next = async () => {
    const ids = location.state?.ids;
    const after = ids ? ids.slice(ids.indexOf(documentId) + 1) : [];
    if (after.length) return navigate(`../${after[0]}`, { relative: 'path', state: { ids } });
    const queue = await api.queue({ state: 'pending', pageSize: '2' });
    const candidate = queue.data.find((s) => s.documentId !== documentId);
    navigate(candidate ? `../${candidate.documentId}` : '../..', { relative: 'path' });
  };

  const run = async (work: () => Promise<unknown>, success: MessageKey, then: 'reload' | 'next' = 'reload') => {
    setBusy(true);
    try {
      await work();
      toggleNotification({ type: 'success', message: t(success) });
      setDialog(null);
      if (then === 'next') await next();
      else await load();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
      await load();
    } finally {
      setBusy(false);
    }
  };

  const approve = () => run(() => api.approve(documentId), 'submission.approvedDone', 'next');
  // What this role may do to it: the server checks the same actions on every route.
  const pending = submission?.moderationState === 'pending';
  const others = usePresence(documentId, pending, (status) => {
    setDialog(null);
    setDecidedElsewhere(status);
    void load();
  });
  const decidable = pending && canDecide;

  // Approving publishes at once: the shortcut and the button both ask first, Enter confirms.
  useShortcuts({
    a: () => decidable && !busy && setDialog('approve'),
    r: () => decidable && setDialog('reject'),
    '?': () => setDialog('shortcuts'),
    n: () => void next(),
    j: () => void next(),
  });

  if (error) {
    return (
      <Page.Main>
        <Layouts.Header title={t('submission.title')} navigationAction={<Link tag={NavLink} to="../.." relative="path" startIcon={<ArrowLeft />}>{t('common.backToQueue')}</Link>} />
        <Layouts.Content>
          <Alert variant="danger" title={t('submission.loadError')} closeLabel={t('common.close')} action={<Button onClick={() => load()}>{t('common.tryAgain')}</Button>}>
            {error}
          </Alert>
        </Layouts.Content>
      </Page.Main>
    );
  }
  if (!submission) {
    return (
      <Page.Main>
        <Flex justifyContent="center" padding={10}>
          <Loader>{t('submission.loading')}</Loader>
        </Flex>
      </Page.Main>
    );
  }

  const s = submission;
  const badge = STATE_BADGE[s.moderationState];
  const translationShown = s.translations.find((t) => t.language === shownTranslation);

  return (
    <Page.Main>
      <Page.Title>{displayText(s.title)}</Page.Title>
      <Layouts.Header
        navigationAction={
          <Link tag={NavLink} to="../.." relative="path" startIcon={<ArrowLeft />}>
            {t('common.backToQueue')}
          </Link>
        }
        // The header passes these to its heading: the title is the author's text, in their language.
        title={displayText(s.title)}
        lang={s.language}
        dir={directionOf(s.language)}
        subtitle={
          <Typography variant="epsilon" textColor="neutral600" tag="p" lang={locale} dir={directionOf(locale)}>
            {rich(s.organisation ? 'submission.subtitleOrganisation' : 'submission.subtitle', {
              region: s.region?.code ?? '–',
              phase: <bdi key="phase">{s.phase?.title ?? '–'}</bdi>,
              ago: time.ago(s.createdAt),
              author: <bdi key="author">{s.authorName ?? t('submission.unknownAuthor')}</bdi>,
              organisation: <bdi key="organisation">{s.organisation}</bdi>,
            })}
          </Typography>
        }
        primaryAction={
          <Flex gap={2}>
            <Badge backgroundColor={badge.background} textColor={badge.text} size="M">
              {labels.state(s.moderationState)}
            </Badge>
            {decidable && (
              <>
                <Button variant="danger-light" onClick={() => setDialog('reject')} disabled={busy}>
                  {t('action.reject')}
                </Button>
                <Button variant="secondary" onClick={() => setDialog('return')} disabled={busy}>
                  {t('action.return')}
                </Button>
                <Button variant="success" onClick={() => setDialog('approve')} loading={busy}>
                  {t('action.approve')}
                </Button>
              </>
            )}
            {s.moderationState === 'approved' && canDecide && (
              <Button variant="danger-light" onClick={() => setDialog('retract')}>
                {t('action.retract')}
              </Button>
            )}
            <Button variant="tertiary" onClick={() => void next()}>
              {t('action.next')}
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
            {decidedElsewhere && (
              <Alert variant="warning" title={t('presence.decidedTitle')} closeLabel={t('common.close')} onClose={() => setDecidedElsewhere(null)} data-testid="decided-elsewhere">
                {rich('presence.decided', { name: <bdi key="name">{decidedElsewhere.decidedBy ?? t('presence.someone')}</bdi>, state: labels.state(decidedElsewhere.moderationState) })}
              </Alert>
            )}
            {pending && others.length > 0 && (
              <Alert variant="default" title={t('presence.othersTitle')} closeLabel={t('common.close')} data-testid="others-on-it">
                {others.map((o) => (
                  <Typography key={o.moderatorId} display="block">
                    {rich('presence.other', { name: <bdi key="name">{o.name}</bdi>, since: time.ago(o.since) })}
                  </Typography>
                ))}
              </Alert>
            )}
            {(s.screeningFlags?.length ?? 0) > 0 && (
              <Alert variant="warning" title={t('submission.screening')} closeLabel={t('common.close')}>
                {time.list(
                  s.screeningFlags!.map((f) =>
                    f.kind === 'unscreened-attachment'
                      ? t('submission.unscreened', { name: f.match })
                      : f.attachment
                        ? t('submission.screeningInAttachment', { flag: labels.flag(f.kind), match: f.match, name: f.attachment })
                        : t('submission.screeningItem', { flag: labels.flag(f.kind), match: f.match }),
                  ),
                )}
              </Alert>
            )}
            {s.moderationState === 'rejected' && s.decisionReason && (
              <Alert variant="danger" title={labels.state('rejected')} closeLabel={t('common.close')}>
                <span lang={s.language} dir="auto">{s.decisionReason}</span>
              </Alert>
            )}
            {s.moderationState === 'returned' && s.decisionReason && (
              <Alert variant="warning" title={t('submission.returnedNote')} closeLabel={t('common.close')} data-testid="returned-note">
                <span lang={s.language} dir="auto">{s.decisionReason}</span>
              </Alert>
            )}
            <Section title={t('section.submission')}>
              <Typography variant="omega" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }} data-testid="submission-body" lang={s.language} dir={directionOf(s.language)}>
                <Highlighted text={displayText(s.body)} flags={s.screeningFlags?.filter((f) => !f.attachment) ?? null} />
              </Typography>
              {pending && canEdit && (
                <Flex gap={2}>
                  <Button
                    variant="tertiary"
                    onClick={() => {
                      setRedaction({ title: displayText(s.title), body: displayText(s.body) });
                      setDialog('redact');
                    }}
                  >
                    {t('submission.redact')}
                  </Button>
                </Flex>
              )}
            </Section>

            <Section title={t('section.translations')}>
              <Flex gap={2} wrap="wrap">
                {s.translations.map((tr) => (
                  <Button key={tr.language} variant={tr.language === shownTranslation ? 'secondary' : 'tertiary'} aria-pressed={tr.language === shownTranslation} onClick={() => setShownTranslation(tr.language)}>
                    {labels.language(tr.language)}
                  </Button>
                ))}
                {(pending || s.moderationState === 'approved') && canEdit && (
                  <Button variant="tertiary" onClick={() => setDialog('translate')}>
                    {t('translations.add')}
                  </Button>
                )}
              </Flex>
              {translationShown ? (
                <Grid.Root gap={4}>
                  <Grid.Item col={6} direction="column" alignItems="stretch">
                    <Typography variant="sigma">{t('translations.original', { language: labels.language(s.language) })}</Typography>
                    <UserText language={s.language} text={s.body} style={{ whiteSpace: 'pre-wrap' }} />
                  </Grid.Item>
                  <Grid.Item col={6} direction="column" alignItems="stretch">
                    <Typography variant="sigma">
                      {rich(translationShown.translator ? 'translations.by' : 'translations.language', {
                        language: labels.language(translationShown.language),
                        translator: <bdi key="translator">{translationShown.translator}</bdi>,
                      })}
                    </Typography>
                    {translationShown.title && <UserText language={translationShown.language} text={translationShown.title} fontWeight="bold" />}
                    <UserText language={translationShown.language} text={translationShown.body} style={{ whiteSpace: 'pre-wrap' }} />
                  </Grid.Item>
                </Grid.Root>
              ) : (
                <Typography textColor="neutral600">{t('translations.none')}</Typography>
              )}
            </Section>

            <Section title={t('section.replies')}>
              {s.moderatorReplies.length === 0 && <Typography textColor="neutral600">{t('replies.none')}</Typography>}
              {s.moderatorReplies.map((r) => (
                <Box key={r.documentId} padding={3} background="neutral100" hasRadius>
                  <Typography variant="pi" textColor="neutral600">
                    {rich('replies.meta', { name: <bdi key="name">{r.moderatorName}</bdi>, ago: time.ago(r.createdAt) })}
                  </Typography>
                  <UserText text={r.body} style={{ whiteSpace: 'pre-wrap' }} display="block" />
                </Box>
              ))}
              {s.moderationState !== 'withdrawn' && canReply && (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Field.Root name="reply">
                    <Field.Label>{t('replies.label')}</Field.Label>
                    <Textarea dir="auto" value={reply} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReply(e.target.value)} />
                  </Field.Root>
                  <Flex justifyContent="flex-end">
                    <Button disabled={!reply.trim() || busy} onClick={() => run(async () => { await api.reply(documentId, reply.trim()); setReply(''); }, 'replies.saved')}>
                      {t('replies.send')}
                    </Button>
                  </Flex>
                </Flex>
              )}
            </Section>

            {(s.replyTo || s.responses.length > 0) && (
              <Section title={t('section.thread')}>
                {s.replyTo && (
                  <Typography>
                    {rich('thread.inReplyTo', {
                      link: <Link key="link" tag={NavLink} to={`../${s.replyTo.documentId}`} relative="path"><bdi>{displayText(s.replyTo.title)}</bdi></Link>,
                      author: <bdi key="author">{s.replyTo.authorName}</bdi>,
                    })}
                  </Typography>
                )}
                {s.responses.map((r) => (
                  <Typography key={r.documentId}>
                    {rich('thread.answeredBy', {
                      link: <Link key="link" tag={NavLink} to={`../${r.documentId}`} relative="path"><bdi>{displayText(r.title)}</bdi></Link>,
                      author: <bdi key="author">{r.authorName}</bdi>,
                    })}
                  </Typography>
                ))}
              </Section>
            )}
          </Grid.Item>

          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
            <Section title={t('section.about')}>
              <Meta label={t('about.kind')}>{labels.kind(s.kind)}</Meta>
              <Meta label={t('about.author')}>
                {s.organisation ? rich('about.authorOrganisation', { name: <bdi key="name">{s.authorName}</bdi>, organisation: <bdi key="organisation">{s.organisation}</bdi> }) : <bdi>{s.authorName}</bdi>}
              </Meta>
              <Meta label={t('about.category')}>{s.stakeholderCategory ? labels.category(s.stakeholderCategory) : t('common.none')}</Meta>
              <Meta label={t('about.question')}>
                {s.guidingQuestion && (
                  <>
                    {rich('question.withText', { position: s.guidingQuestion.position, text: <span key="text" lang="en" dir="ltr">{s.guidingQuestion.text}</span> })}
                  </>
                )}
              </Meta>
              <Meta label={t('about.language')}>{labels.language(s.language)}</Meta>
              <Meta label={t('about.countries')}>{s.countries?.length ? time.list(s.countries.map(labels.country)) : t('common.none')}</Meta>
              <Meta label={t('about.objectives')}>
                {s.gcmObjectives.length
                  ? s.gcmObjectives.map((o) => (
                      <Typography key={o.number} display="block" variant="pi">
                        {t('objective.numbered', { number: o.number, title: labels.objective(o.number) })}
                      </Typography>
                    ))
                  : t('common.none')}
              </Meta>
              <Meta label={t('about.flags')}>
                <FlagBadges flags={s.screeningFlags} />
              </Meta>
            </Section>
            <Section title={t('section.author')}>
              {s.author ? <AuthorPanel authorId={s.author.id} current={documentId} canSanction={canSanction} /> : <Typography textColor="neutral600">{t('author.none')}</Typography>}
            </Section>
            <Section title={t('section.files')}>
              {s.attachments.length === 0 && s.links.length === 0 && <Typography textColor="neutral600">{t('common.none')}</Typography>}
              {/* Fetched with the moderator's credentials: /api/files lets a pending file out to its region's moderators only. */}
              {s.attachments.map((a) => (
                <Flex key={a.id} gap={2} wrap="wrap">
                  <TextButton onClick={() => setPreviewed(a)}>{rich('files.preview', { name: <bdi key="name">{a.name}</bdi>, size: time.kilobytes(a.size) })}</TextButton>
                  <TextButton onClick={() => api.download(a.url, a.name).catch((e) => toggleNotification({ type: 'danger', message: errorText(errorOf(e)) }))}>{t('files.download')}</TextButton>
                </Flex>
              ))}
              {s.links.map((l) => (
                <Link key={l.url} href={l.url} isExternal>
                  <bdi>{l.label ? displayText(l.label) : l.url}</bdi>
                </Link>
              ))}
            </Section>
            <Section title={t('section.history')}>
              {s.events.map((e) => (
                <Box key={e.id}>
                  <Typography variant="pi" textColor="neutral600" display="block">
                    {time.moment(e.occurredAt)}
                  </Typography>
                  <Typography display="block">
                    {rich(e.fromState && e.toState && e.fromState !== e.toState ? 'history.transition' : 'history.entry', {
                      action: <strong key="action">{labels.event(e.action)}</strong>,
                      actor: <bdi key="actor">{e.actorName}</bdi>,
                      from: e.fromState ? labels.state(e.fromState as never) : '',
                      to: e.toState ? labels.state(e.toState as never) : '',
                    })}
                  </Typography>
                  {e.reason && <Typography variant="pi" display="block">{rich('history.reason', { reason: <bdi key="reason">{e.reason}</bdi> })}</Typography>}
                  {e.action === 'resubmitted' && (e.details as EarlierVersion | null)?.previous && (
                    <details data-testid="earlier-version">
                      <summary>
                        <Typography variant="pi">{t('history.version', { version: (e.details as EarlierVersion).version })}</Typography>
                      </summary>
                      <UserText language={(e.details as EarlierVersion).previous!.language} text={(e.details as EarlierVersion).previous!.title} fontWeight="bold" display="block" />
                      <UserText language={(e.details as EarlierVersion).previous!.language} text={(e.details as EarlierVersion).previous!.body} variant="pi" display="block" style={{ whiteSpace: 'pre-wrap' }} />
                    </details>
                  )}
                  <Divider marginTop={2} />
                </Box>
              ))}
            </Section>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>

      <FormDialog open={dialog === 'approve'} title={t('approve.title')} confirmLabel={t('action.approve')} confirmVariant="success" confirmFocused busy={busy} onClose={() => setDialog(null)} onConfirm={() => void approve()}>
        <Typography>{t('approve.help')}</Typography>
      </FormDialog>
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
      <AttachmentPreview documentId={documentId} attachment={previewed} onClose={() => setPreviewed(null)} />
      <ReasonDialog open={dialog === 'reject'} title={t('reject.title')} confirmLabel={t('action.reject')} templates={overview?.rejectionReasons} language={s.language} onClose={() => setDialog(null)} onConfirm={(reason) => run(() => api.reject(documentId, reason), 'submission.rejectedDone', 'next')} />
      <ReasonDialog open={dialog === 'return'} title={t('return.title')} confirmLabel={t('action.return')} confirmVariant="default" label={t('return.label')} help={t('return.help')} onClose={() => setDialog(null)} onConfirm={(note) => run(() => api.returnForEdits(documentId, note), 'submission.returnedDone', 'next')} />
      <RetractDialog open={dialog === 'retract'} title={t('retract.title')} onClose={() => setDialog(null)} onConfirm={(to, reason) => run(() => api.retract(documentId, to, reason), 'submission.retractedDone')} />

      <FormDialog open={dialog === 'redact'} title={t('redact.title')} confirmLabel={t('redact.save')} busy={busy} onClose={() => setDialog(null)} onConfirm={() => run(() => api.redact(documentId, redaction), 'redact.done')}>
        <Typography textColor="neutral600">{t('redact.help')}</Typography>
        <Field.Root name="title">
          <Field.Label>{t('field.title')}</Field.Label>
          <TextInput lang={s.language} dir={directionOf(s.language)} value={redaction.title} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRedaction((r) => ({ ...r, title: e.target.value }))} />
        </Field.Root>
        <Field.Root name="body">
          <Field.Label>{t('field.text')}</Field.Label>
          <Textarea lang={s.language} dir={directionOf(s.language)} value={redaction.body} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setRedaction((r) => ({ ...r, body: e.target.value }))} />
        </Field.Root>
      </FormDialog>

      <FormDialog open={dialog === 'translate'} title={t('translate.title')} confirmLabel={t('translate.save')} disabled={!translation.body.trim()} busy={busy} onClose={() => setDialog(null)} onConfirm={() => run(() => api.translate(documentId, translation), 'translate.done')}>
        <Field.Root name="language">
          <Field.Label>{t('field.language')}</Field.Label>
          <Select value={translation.language} onChange={(v: string | number) => setTranslation((current) => ({ ...current, language: String(v) }))}>
            {Object.entries(labels.languages)
              .filter(([code]) => code !== s.language)
              .map(([code, name]) => (
                <SingleSelectOption key={code} value={code}>
                  {name}
                </SingleSelectOption>
              ))}
          </Select>
        </Field.Root>
        <Field.Root name="translatedTitle">
          <Field.Label>{t('field.title')}</Field.Label>
          <TextInput lang={translation.language} dir={directionOf(translation.language)} value={translation.title} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTranslation((current) => ({ ...current, title: e.target.value }))} />
        </Field.Root>
        <Field.Root name="translatedBody" required>
          <Field.Label>{t('field.text')}</Field.Label>
          <Textarea lang={translation.language} dir={directionOf(translation.language)} value={translation.body} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setTranslation((current) => ({ ...current, body: e.target.value }))} />
        </Field.Root>
      </FormDialog>
    </Page.Main>
  );
};

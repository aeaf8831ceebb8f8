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
  SingleSelect,
  SingleSelectOption,
  Textarea,
  TextButton,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { Fragment, useCallback, useEffect, useState } from 'react';
import { NavLink, useLocation, useNavigate, useParams } from 'react-router-dom';
import { errorMessage, useModerationApi, type Overview, type ScreeningFlag, type SubmissionDetail } from '../api';
import { FlagBadges } from '../components/FlagBadges';
import { FormDialog } from '../components/FormDialog';
import { ReasonDialog } from '../components/ReasonDialog';
import { CATEGORIES, displayText, FLAG_LABELS, KINDS, LANGUAGES, waited } from '../labels';
import { useShortcuts } from '../useShortcuts';

const STATE_BADGE: Record<string, { background: string; text: string }> = {
  pending: { background: 'secondary100', text: 'secondary700' },
  approved: { background: 'success100', text: 'success700' },
  rejected: { background: 'danger100', text: 'danger700' },
  withdrawn: { background: 'neutral150', text: 'neutral700' },
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
    <Typography>{children}</Typography>
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
  const location = useLocation() as { state?: { ids?: string[] } };
  const { toggleNotification } = useNotification();
  const [submission, setSubmission] = useState<SubmissionDetail | null>(null);
  const [overview, setOverview] = useState<Overview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dialog, setDialog] = useState<null | 'reject' | 'retract' | 'redact' | 'translate'>(null);
  const [reply, setReply] = useState('');
  const [busy, setBusy] = useState(false);
  const [retractTo, setRetractTo] = useState<'pending' | 'rejected'>('pending');
  const [redaction, setRedaction] = useState({ title: '', body: '' });
  const [translation, setTranslation] = useState({ language: '', title: '', body: '' });
  const [shownTranslation, setShownTranslation] = useState<string | null>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const [detail, o] = await Promise.all([api.detail(documentId), api.overview()]);
      setSubmission(detail);
      setOverview(o);
      setShownTranslation(detail.translations[0]?.language ?? null);
      setTranslation((t) => (t.language ? t : { ...t, language: Object.keys(LANGUAGES).find((code) => code !== detail.language) ?? '' }));
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, documentId]);

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

  const run = async (work: () => Promise<unknown>, success: string, then: 'reload' | 'next' = 'reload') => {
    setBusy(true);
    try {
      await work();
      toggleNotification({ type: 'success', message: success });
      setDialog(null);
      if (then === 'next') await next();
      else await load();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
      await load();
    } finally {
      setBusy(false);
    }
  };

  const approve = () => run(() => api.approve(documentId), 'Approved: the submission is published.', 'next');
  const pending = submission?.moderationState === 'pending';

  useShortcuts({
    a: () => pending && !busy && void approve(),
    r: () => pending && setDialog('reject'),
    n: () => void next(),
    j: () => void next(),
  });

  if (error) {
    return (
      <Page.Main>
        <Layouts.Header title="Submission" navigationAction={<Link tag={NavLink} to="../.." relative="path" startIcon={<ArrowLeft />}>Back to the queue</Link>} />
        <Layouts.Content>
          <Alert variant="danger" title="This submission could not be shown" closeLabel="Close" action={<Button onClick={() => load()}>Try again</Button>}>
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
          <Loader>Loading the submission…</Loader>
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
            Back to the queue
          </Link>
        }
        title={displayText(s.title)}
        subtitle={`${s.region?.code ?? ''} · ${s.phase?.title ?? ''} · submitted ${waited(s.createdAt)} ago by ${s.authorName ?? 'unknown'}${s.organisation ? ` (${s.organisation})` : ''}`}
        primaryAction={
          <Flex gap={2}>
            <Badge backgroundColor={badge.background} textColor={badge.text} size="M">
              {s.moderationState}
            </Badge>
            {pending && (
              <>
                <Button variant="danger-light" onClick={() => setDialog('reject')} disabled={busy}>
                  Reject
                </Button>
                <Button variant="success" onClick={approve} loading={busy}>
                  Approve
                </Button>
              </>
            )}
            {s.moderationState === 'approved' && (
              <Button variant="danger-light" onClick={() => setDialog('retract')}>
                Retract
              </Button>
            )}
            <Button variant="tertiary" onClick={() => void next()}>
              Next
            </Button>
          </Flex>
        }
      />
      <Layouts.Content>
        <Grid.Root gap={4}>
          <Grid.Item col={8} s={12} direction="column" alignItems="stretch" gap={4}>
            {(s.screeningFlags?.length ?? 0) > 0 && (
              <Alert variant="warning" title="Screening found" closeLabel="">
                {s.screeningFlags!.map((f) => `${FLAG_LABELS[f.kind]}: ${f.match}`).join(' · ')}
              </Alert>
            )}
            {s.moderationState === 'rejected' && s.decisionReason && (
              <Alert variant="danger" title="Rejected" closeLabel="">
                {s.decisionReason}
              </Alert>
            )}
            <Section title="Submission">
              <Typography variant="omega" style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }} data-testid="submission-body">
                <Highlighted text={displayText(s.body)} flags={s.screeningFlags} />
              </Typography>
              {pending && (
                <Flex gap={2}>
                  <Button
                    variant="tertiary"
                    onClick={() => {
                      setRedaction({ title: displayText(s.title), body: displayText(s.body) });
                      setDialog('redact');
                    }}
                  >
                    Redact personal data
                  </Button>
                </Flex>
              )}
            </Section>

            <Section title="Translations">
              <Flex gap={2} wrap="wrap">
                {s.translations.map((t) => (
                  <Button key={t.language} variant={t.language === shownTranslation ? 'secondary' : 'tertiary'} onClick={() => setShownTranslation(t.language)}>
                    {LANGUAGES[t.language]}
                  </Button>
                ))}
                {(pending || s.moderationState === 'approved') && (
                  <Button variant="tertiary" onClick={() => setDialog('translate')}>
                    Add a translation
                  </Button>
                )}
              </Flex>
              {translationShown ? (
                <Grid.Root gap={4}>
                  <Grid.Item col={6} direction="column" alignItems="stretch">
                    <Typography variant="sigma">{LANGUAGES[s.language]} (original)</Typography>
                    <Typography style={{ whiteSpace: 'pre-wrap' }}>{displayText(s.body)}</Typography>
                  </Grid.Item>
                  <Grid.Item col={6} direction="column" alignItems="stretch">
                    <Typography variant="sigma">
                      {LANGUAGES[translationShown.language]}
                      {translationShown.translator ? `, by ${translationShown.translator}` : ''}
                    </Typography>
                    {translationShown.title && <Typography fontWeight="bold">{displayText(translationShown.title)}</Typography>}
                    <Typography style={{ whiteSpace: 'pre-wrap' }}>{displayText(translationShown.body)}</Typography>
                  </Grid.Item>
                </Grid.Root>
              ) : (
                <Typography textColor="neutral600">No translation yet.</Typography>
              )}
            </Section>

            <Section title="Moderator replies">
              {s.moderatorReplies.length === 0 && <Typography textColor="neutral600">No reply yet. Replies are published while the submission is.</Typography>}
              {s.moderatorReplies.map((r) => (
                <Box key={r.documentId} padding={3} background="neutral100" hasRadius>
                  <Typography variant="pi" textColor="neutral600">
                    {r.moderatorName}, {waited(r.createdAt)} ago
                  </Typography>
                  <Typography style={{ whiteSpace: 'pre-wrap' }} display="block">
                    {displayText(r.body)}
                  </Typography>
                </Box>
              ))}
              {s.moderationState !== 'withdrawn' && (
                <Flex direction="column" alignItems="stretch" gap={2}>
                  <Field.Root name="reply">
                    <Field.Label>Reply as moderator</Field.Label>
                    <Textarea aria-label="Reply as moderator" value={reply} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReply(e.target.value)} />
                  </Field.Root>
                  <Flex justifyContent="flex-end">
                    <Button disabled={!reply.trim() || busy} onClick={() => run(async () => { await api.reply(documentId, reply.trim()); setReply(''); }, 'Reply saved.')}>
                      Send reply
                    </Button>
                  </Flex>
                </Flex>
              )}
            </Section>

            {(s.replyTo || s.responses.length > 0) && (
              <Section title="Thread">
                {s.replyTo && (
                  <Typography>
                    In reply to: <Link tag={NavLink} to={`../${s.replyTo.documentId}`} relative="path">{displayText(s.replyTo.title)}</Link> ({s.replyTo.authorName})
                  </Typography>
                )}
                {s.responses.map((r) => (
                  <Typography key={r.documentId}>
                    Answered by: <Link tag={NavLink} to={`../${r.documentId}`} relative="path">{displayText(r.title)}</Link> ({r.authorName})
                  </Typography>
                ))}
              </Section>
            )}
          </Grid.Item>

          <Grid.Item col={4} s={12} direction="column" alignItems="stretch" gap={4}>
            <Section title="About">
              <Meta label="Kind">{KINDS[s.kind] ?? s.kind}</Meta>
              <Meta label="Author">
                {s.authorName}
                {s.organisation ? `, ${s.organisation}` : ''}
              </Meta>
              <Meta label="Stakeholder category">{s.stakeholderCategory ? CATEGORIES[s.stakeholderCategory] : 'none'}</Meta>
              <Meta label="Guiding question">{s.guidingQuestion ? `Q${s.guidingQuestion.position}: ${s.guidingQuestion.text}` : ''}</Meta>
              <Meta label="Language">{LANGUAGES[s.language] ?? s.language}</Meta>
              <Meta label="Countries">{s.countries?.join(', ') || 'none'}</Meta>
              <Meta label="GCM objectives">{s.gcmObjectives.map((o) => o.number).join(', ') || 'none'}</Meta>
              <Meta label="Flags">
                <FlagBadges flags={s.screeningFlags} />
              </Meta>
            </Section>
            <Section title="Attachments and links">
              {s.attachments.length === 0 && s.links.length === 0 && <Typography textColor="neutral600">None.</Typography>}
              {/* Fetched with the moderator's credentials: /api/files lets a pending file out to its region's moderators only. */}
              {s.attachments.map((a) => (
                <TextButton
                  key={a.id}
                  onClick={() => api.download(a.url, a.name).catch((e) => toggleNotification({ type: 'danger', message: errorMessage(e) }))}
                >
                  {a.name} ({Math.round(a.size)} kB)
                </TextButton>
              ))}
              {s.links.map((l) => (
                <Link key={l.url} href={l.url} isExternal>
                  {l.label ? displayText(l.label) : l.url}
                </Link>
              ))}
            </Section>
            <Section title="History">
              {s.events.map((e) => (
                <Box key={e.id}>
                  <Typography variant="pi" textColor="neutral600" display="block">
                    {new Date(e.occurredAt).toLocaleString()}
                  </Typography>
                  <Typography display="block">
                    <strong>{e.action}</strong> by {e.actorName}
                    {e.fromState && e.toState && e.fromState !== e.toState ? ` (${e.fromState} → ${e.toState})` : ''}
                  </Typography>
                  {e.reason && <Typography variant="pi" display="block">“{e.reason}”</Typography>}
                  <Divider marginTop={2} />
                </Box>
              ))}
            </Section>
          </Grid.Item>
        </Grid.Root>
      </Layouts.Content>

      <ReasonDialog open={dialog === 'reject'} title="Reject this submission" confirmLabel="Reject" templates={overview?.rejectionReasons ?? []} onClose={() => setDialog(null)} onConfirm={(reason) => run(() => api.reject(documentId, reason), 'Rejected: the author sees your reason.', 'next')} />
      <ReasonDialog open={dialog === 'retract'} title="Retract this published submission" confirmLabel="Retract" templates={[]} onClose={() => setDialog(null)} onConfirm={(reason) => run(() => api.retract(documentId, retractTo, reason), 'Retracted: the submission is no longer published.')}>
        <Field.Root name="to">
          <Field.Label>It goes back to</Field.Label>
          <SingleSelect value={retractTo} onChange={(v: string | number) => setRetractTo(v as 'pending' | 'rejected')}>
            <SingleSelectOption value="pending">Pending (to decide again)</SingleSelectOption>
            <SingleSelectOption value="rejected">Rejected</SingleSelectOption>
          </SingleSelect>
        </Field.Root>
      </ReasonDialog>

      <FormDialog open={dialog === 'redact'} title="Redact personal data" confirmLabel="Save the redaction" busy={busy} onClose={() => setDialog(null)} onConfirm={() => run(() => api.redact(documentId, redaction), 'Redacted.')}>
        <Typography textColor="neutral600">Remove names, addresses and numbers of people; the history records that you redacted, not what.</Typography>
        <Field.Root name="title">
          <Field.Label>Title</Field.Label>
          <TextInput value={redaction.title} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRedaction((r) => ({ ...r, title: e.target.value }))} />
        </Field.Root>
        <Field.Root name="body">
          <Field.Label>Text</Field.Label>
          <Textarea value={redaction.body} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setRedaction((r) => ({ ...r, body: e.target.value }))} />
        </Field.Root>
      </FormDialog>

      <FormDialog open={dialog === 'translate'} title="Add a translation" confirmLabel="Save the translation" disabled={!translation.body.trim()} busy={busy} onClose={() => setDialog(null)} onConfirm={() => run(() => api.translate(documentId, translation), 'Translation saved.')}>
        <Field.Root name="language">
          <Field.Label>Language</Field.Label>
          <SingleSelect value={translation.language} onChange={(v: string | number) => setTranslation((t) => ({ ...t, language: String(v) }))}>
            {Object.entries(LANGUAGES)
              .filter(([code]) => code !== s.language)
              .map(([code, name]) => (
                <SingleSelectOption key={code} value={code}>
                  {name}
                </SingleSelectOption>
              ))}
          </SingleSelect>
        </Field.Root>
        <Field.Root name="translatedTitle">
          <Field.Label>Title</Field.Label>
          <TextInput value={translation.title} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTranslation((t) => ({ ...t, title: e.target.value }))} />
        </Field.Root>
        <Field.Root name="translatedBody" required>
          <Field.Label>Text</Field.Label>
          <Textarea value={translation.body} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setTranslation((t) => ({ ...t, body: e.target.value }))} />
        </Field.Root>
      </FormDialog>
    </Page.Main>
  );
};

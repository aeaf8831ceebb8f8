import { Alert, Badge, Box, Button, EmptyStateLayout, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorOf, useModerationApi, type SharedQuestion } from '../api';
import { FormDialog } from '../components/FormDialog';
import { QuestionDraftForm } from '../components/QuestionDraftForm';
import { useErrorText, useT, useTime } from '../i18n';
import { useLabels, UserText } from '../labels';

/**
 * Draft guiding questions and the feedback on them: moderators read those shared with their
 * regions and comment; the secretariat also drafts them, shares them, and posts them when settled.
 */
export const QuestionsPage = () => {
  const api = useModerationApi();
  const { t, rich } = useT();
  const time = useTime();
  const labels = useLabels();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [questions, setQuestions] = useState<SharedQuestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [posting, setPosting] = useState<SharedQuestion | null>(null);
  const {
    allowedActions: { canDraftQuestions: canDraft },
    isLoading: permissionsLoading,
  } = useRBAC({ draftQuestions: [{ action: 'plugin::moderation.draft-questions', subject: null }] });

  const load = useCallback(async () => {
    if (permissionsLoading) return;
    setError(null);
    try {
      setQuestions(await (canDraft ? api.questionDrafts() : api.questions()));
    } catch (e) {
      setError(errorText(errorOf(e)));
    }
  }, [api, errorText, canDraft, permissionsLoading]);

  /** A secretariat action on a question; answers whether it went through. */
  const act = async (work: () => Promise<unknown>, done: 'questions.drafted' | 'questions.shared' | 'questions.unshared' | 'questions.postedDone') => {
    try {
      await work();
      toggleNotification({ type: 'success', message: t(done) });
      await load();
      return true;
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
      return false;
    }
  };
  useEffect(() => {
    void load();
  }, [load]);

  const send = async (documentId: string) => {
    setSending(documentId);
    try {
      await api.questionFeedback(documentId, drafts[documentId] ?? '');
      setDrafts((d) => ({ ...d, [documentId]: '' }));
      toggleNotification({ type: 'success', message: t('questions.sent') });
      await load();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
    } finally {
      setSending(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('questions.title')}</Page.Title>
      <Layouts.Header
        title={t('questions.title')}
        subtitle={t(canDraft ? 'questions.subtitleDrafting' : 'questions.subtitle')}
        secondaryAction={<Button variant="tertiary" onClick={() => navigate('..', { relative: 'path' })}>{t('common.backToQueue')}</Button>}
      />
      <Layouts.Content>
        {canDraft && (
          <Box paddingBottom={4}>
            <QuestionDraftForm onDraft={(question) => act(() => api.draftQuestion(question), 'questions.drafted')} />
          </Box>
        )}
        {error ? (
          <Alert variant="danger" title={t('questions.loadError')} closeLabel={t('common.close')} action={<Button onClick={() => load()}>{t('common.tryAgain')}</Button>}>
            {error}
          </Alert>
        ) : !questions ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>{t('questions.loading')}</Loader>
          </Flex>
        ) : questions.length === 0 ? (
          <EmptyStateLayout content={t('questions.empty')} />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {questions.map((q) => (
              <Box key={q.documentId} background="neutral0" hasRadius shadow="tableShadow" padding={5} data-testid="shared-question">
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Flex gap={2}>
                    <Typography variant="sigma" textColor="neutral600">
                      {rich('questions.meta', { region: q.phase?.region?.code ?? '–', phase: <bdi key="phase">{q.phase?.title}</bdi>, position: q.position })}
                    </Typography>
                    <Badge>{t(q.posted ? 'questions.posted' : q.sharedForFeedback ? 'questions.draft' : 'questions.notShared')}</Badge>
                  </Flex>
                  <UserText language="en" text={q.text} variant="epsilon" />
                  {q.sharedForFeedback && q.feedbackRegions.length > 0 && (
                    <Typography variant="pi" textColor="neutral600">
                      {t('questions.alsoAsked', { regions: time.list(q.feedbackRegions.map(labels.region)) })}
                    </Typography>
                  )}
                  {q.feedback.map((f) => (
                    <Box key={f.id} padding={3} background="neutral100" hasRadius>
                      <Typography variant="pi" textColor="neutral600" display="block">
                        {rich(f.regionCode ? 'questions.feedbackMetaRegion' : 'questions.feedbackMeta', { name: <bdi key="name">{f.authorName}</bdi>, region: f.regionCode ?? '', ago: time.ago(f.createdAt) })}
                      </Typography>
                      <UserText text={f.body} style={{ whiteSpace: 'pre-wrap' }} />
                    </Box>
                  ))}
                  {canDraft && !q.posted && (
                    <Flex gap={2}>
                      <Button variant="tertiary" onClick={() => void act(() => api.shareQuestion(q.documentId, !q.sharedForFeedback), q.sharedForFeedback ? 'questions.unshared' : 'questions.shared')}>
                        {t(q.sharedForFeedback ? 'questions.stopSharing' : 'questions.share')}
                      </Button>
                      <Button variant="secondary" onClick={() => setPosting(q)}>
                        {t('questions.post')}
                      </Button>
                    </Flex>
                  )}
                  <Field.Root name={`feedback-${q.documentId}`}>
                    <Field.Label>{t('questions.yourFeedback')}</Field.Label>
                    <Textarea dir="auto" value={drafts[q.documentId] ?? ''} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setDrafts((d) => ({ ...d, [q.documentId]: e.target.value }))} />
                  </Field.Root>
                  <Flex justifyContent="flex-end">
                    <Button disabled={!(drafts[q.documentId] ?? '').trim() || sending !== null} loading={sending === q.documentId} onClick={() => send(q.documentId)}>
                      {t('questions.send')}
                    </Button>
                  </Flex>
                </Flex>
              </Box>
            ))}
          </Flex>
        )}
      </Layouts.Content>
      <FormDialog
        open={posting !== null}
        title={t('questions.postTitle')}
        confirmLabel={t('questions.post')}
        confirmFocused
        onClose={() => setPosting(null)}
        onConfirm={() => posting && void act(() => api.postQuestion(posting.documentId), 'questions.postedDone').then(() => setPosting(null))}
      >
        <Typography>{t('questions.postHelp')}</Typography>
        {posting && <UserText language="en" text={posting.text} fontWeight="bold" />}
      </FormDialog>
    </Page.Main>
  );
};

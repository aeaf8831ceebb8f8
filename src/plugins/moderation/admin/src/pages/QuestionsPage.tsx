import { Alert, Badge, Box, Button, EmptyStateLayout, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorOf, useModerationApi, type SharedQuestion } from '../api';
import { useErrorText, useT, useTime } from '../i18n';
import { UserText } from '../labels';

/** Draft guiding questions the secretariat shared with the region's moderators, and their feedback. */
export const QuestionsPage = () => {
  const api = useModerationApi();
  const { t, rich } = useT();
  const time = useTime();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [questions, setQuestions] = useState<SharedQuestion[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState<string | null>(null);
  const [drafts, setDrafts] = useState<Record<string, string>>({});

  const load = useCallback(async () => {
    setError(null);
    try {
      setQuestions(await api.questions());
    } catch (e) {
      setError(errorText(errorOf(e)));
    }
  }, [api, errorText]);
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
        subtitle={t('questions.subtitle')}
        secondaryAction={<Button variant="tertiary" onClick={() => navigate('..', { relative: 'path' })}>{t('common.backToQueue')}</Button>}
      />
      <Layouts.Content>
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
                    <Badge>{t(q.posted ? 'questions.posted' : 'questions.draft')}</Badge>
                  </Flex>
                  <UserText language="en" text={q.text} variant="epsilon" />
                  {q.feedback.map((f) => (
                    <Box key={f.id} padding={3} background="neutral100" hasRadius>
                      <Typography variant="pi" textColor="neutral600" display="block">
                        {rich('questions.feedbackMeta', { name: <bdi key="name">{f.authorName}</bdi>, ago: time.ago(f.createdAt) })}
                      </Typography>
                      <UserText text={f.body} style={{ whiteSpace: 'pre-wrap' }} />
                    </Box>
                  ))}
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
    </Page.Main>
  );
};

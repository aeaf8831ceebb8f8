import { Alert, Badge, Box, Button, EmptyStateLayout, Field, Flex, Loader, Textarea, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, useModerationApi, type SharedQuestion } from '../api';
import { displayText, waited } from '../labels';

/** Draft guiding questions the secretariat shared with the region's moderators, and their feedback. */
export const QuestionsPage = () => {
  const api = useModerationApi();
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
      setError(errorMessage(e));
    }
  }, [api]);
  useEffect(() => {
    void load();
  }, [load]);

  const send = async (documentId: string) => {
    setSending(documentId);
    try {
      await api.questionFeedback(documentId, drafts[documentId] ?? '');
      setDrafts((d) => ({ ...d, [documentId]: '' }));
      toggleNotification({ type: 'success', message: 'Feedback saved.' });
      await load();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setSending(null);
    }
  };

  return (
    <Page.Main>
      <Page.Title>Draft guiding questions</Page.Title>
      <Layouts.Header
        title="Draft guiding questions"
        subtitle="Shared by the secretariat for your feedback before they are posted."
        secondaryAction={<Button variant="tertiary" onClick={() => navigate('..', { relative: 'path' })}>Back to the queue</Button>}
      />
      <Layouts.Content>
        {error ? (
          <Alert variant="danger" title="The questions could not be loaded" closeLabel="Close" action={<Button onClick={() => load()}>Try again</Button>}>
            {error}
          </Alert>
        ) : !questions ? (
          <Flex justifyContent="center" padding={8}>
            <Loader>Loading the questions…</Loader>
          </Flex>
        ) : questions.length === 0 ? (
          <EmptyStateLayout content="No draft question is shared with your regions at the moment." />
        ) : (
          <Flex direction="column" alignItems="stretch" gap={4}>
            {questions.map((q) => (
              <Box key={q.documentId} background="neutral0" hasRadius shadow="tableShadow" padding={5} data-testid="shared-question">
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Flex gap={2}>
                    <Typography variant="sigma" textColor="neutral600">
                      {q.phase?.region?.code} · {q.phase?.title} · Q{q.position}
                    </Typography>
                    <Badge>{q.posted ? 'posted' : 'draft'}</Badge>
                  </Flex>
                  <Typography variant="epsilon">{q.text}</Typography>
                  {q.feedback.map((f) => (
                    <Box key={f.id} padding={3} background="neutral100" hasRadius>
                      <Typography variant="pi" textColor="neutral600" display="block">
                        {f.authorName}, {waited(f.createdAt)} ago
                      </Typography>
                      <Typography style={{ whiteSpace: 'pre-wrap' }}>{displayText(f.body)}</Typography>
                    </Box>
                  ))}
                  <Field.Root name={`feedback-${q.documentId}`}>
                    <Field.Label>Your feedback</Field.Label>
                    <Textarea aria-label="Your feedback" value={drafts[q.documentId] ?? ''} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setDrafts((d) => ({ ...d, [q.documentId]: e.target.value }))} />
                  </Field.Root>
                  <Flex justifyContent="flex-end">
                    <Button disabled={!(drafts[q.documentId] ?? '').trim() || sending !== null} loading={sending === q.documentId} onClick={() => send(q.documentId)}>
                      Send feedback
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

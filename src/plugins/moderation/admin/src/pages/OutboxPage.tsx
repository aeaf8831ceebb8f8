import { Box, Button, EmptyStateLayout, Flex, Table, Tbody, Td, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorOf, useModerationApi, type FailingMessage, type Outbox } from '../api';
import { useErrorText, useT, useTime, type MessageKey } from '../i18n';
import { UserText } from '../labels';

const KIND_KEYS: Record<FailingMessage['kind'], MessageKey> = {
  submitted: 'outbox.kind.submitted',
  approved: 'outbox.kind.approved',
  rejected: 'outbox.kind.rejected',
  returned: 'outbox.kind.returned',
  replied: 'outbox.kind.replied',
  sanction: 'outbox.kind.sanction',
  digest: 'outbox.kind.digest',
};

/** The secretariat's page for outgoing e-mail that keeps failing; others reach it only by its address, and are told they may not. */
export const OutboxPage = () => {
  const { isLoading, allowedActions } = useRBAC({ outbox: [{ action: 'plugin::moderation.outbox', subject: null }] });
  if (isLoading) return <Page.Loading />;
  if (!allowedActions.canOutbox) return <Page.NoPermissions />;
  return <OutgoingMail />;
};

const OutgoingMail = () => {
  const api = useModerationApi();
  const { t } = useT();
  const time = useTime();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [outbox, setOutbox] = useState<Outbox | null>(null);
  const [busy, setBusy] = useState<number | null>(null);

  const load = useCallback(async () => {
    try {
      setOutbox(await api.outbox());
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
    }
  }, [api, errorText, toggleNotification]);

  useEffect(() => {
    void load();
  }, [load]);

  const act = async (message: FailingMessage, action: 'retry' | 'dismiss') => {
    setBusy(message.id);
    try {
      await (action === 'retry' ? api.retryMessage(message.id) : api.dismissMessage(message.id));
      toggleNotification({ type: 'success', message: t(action === 'retry' ? 'outbox.retried' : 'outbox.dismissed') });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
    } finally {
      setBusy(null);
      await load();
    }
  };

  if (!outbox) return <Page.Loading />;
  const { counts, failing } = outbox;
  return (
    <Page.Main>
      <Page.Title>{t('outbox.title')}</Page.Title>
      <Layouts.Header
        title={t('outbox.title')}
        subtitle={t('outbox.subtitle', { waiting: counts.waiting, sent: counts.sent, failed: counts.failed })}
        primaryAction={<Button variant="secondary" onClick={() => void load()}>{t('outbox.refresh')}</Button>}
        secondaryAction={<Button variant="tertiary" onClick={() => navigate('..', { relative: 'path' })}>{t('common.backToQueue')}</Button>}
      />
      <Layouts.Content>
        {failing.length === 0 ? (
          <EmptyStateLayout content={t('outbox.none')} />
        ) : (
          <Box background="neutral0" hasRadius shadow="tableShadow">
            <Table colCount={5} rowCount={failing.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('outbox.colMessage')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('outbox.colTo')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('outbox.colAbout')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('outbox.colStatus')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('outbox.colActions')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {failing.map((message) => (
                  <Tr key={message.id} data-message={message.id}>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography>{t(KIND_KEYS[message.kind])}</Typography>
                        <Typography variant="pi" textColor="neutral600">{time.moment(message.createdAt)}</Typography>
                      </Flex>
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start">
                        <Typography dir="auto">{message.recipient.name ?? t(message.recipient.type === 'author' ? 'outbox.anAuthor' : 'outbox.aModerator')}</Typography>
                        <Typography variant="pi" textColor="neutral600" dir="ltr">{message.recipient.email ?? ''}</Typography>
                      </Flex>
                    </Td>
                    <Td>
                      {message.submission ? <UserText language={message.submission.language} text={message.submission.title} ellipsis /> : <Typography textColor="neutral600">—</Typography>}
                    </Td>
                    <Td>
                      <Flex direction="column" alignItems="flex-start" maxWidth="32rem">
                        <Typography>
                          {message.state === 'failed'
                            ? t('outbox.failed', { attempts: message.attempts })
                            : t('outbox.retrying', { attempts: message.attempts, next: message.nextAttemptAt ? time.moment(message.nextAttemptAt) : '' })}
                        </Typography>
                        {/* What the mail server said, as it said it. */}
                        <Typography variant="pi" textColor="neutral600" dir="ltr" lang="en" style={{ whiteSpace: 'normal', overflowWrap: 'anywhere' }}>
                          {message.lastError ?? ''}
                        </Typography>
                      </Flex>
                    </Td>
                    <Td>
                      <Flex gap={2}>
                        <Button variant="secondary" disabled={busy !== null} onClick={() => void act(message, 'retry')}>{t('outbox.retry')}</Button>
                        <Button variant="danger-light" disabled={busy !== null} onClick={() => void act(message, 'dismiss')}>{t('outbox.dismiss')}</Button>
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          </Box>
        )}
      </Layouts.Content>
    </Page.Main>
  );
};

import { Alert, Box, Button, EmptyStateLayout, Field, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorOf, useModerationApi, type Person } from '../api';
import { FormDialog } from '../components/FormDialog';
import { useErrorText, useT } from '../i18n';

/** The secretariat's page for a stakeholder's request about their personal data; others reach it only by its address, and are told they may not. */
export const PeoplePage = () => {
  const { isLoading, allowedActions } = useRBAC({ privacy: [{ action: 'plugin::moderation.privacy', subject: null }] });
  if (isLoading) return <Page.Loading />;
  if (!allowedActions.canPrivacy) return <Page.NoPermissions />;
  return <People />;
};

const People = () => {
  const api = useModerationApi();
  const { t } = useT();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const { toggleNotification } = useNotification();
  const [email, setEmail] = useState('');
  const [people, setPeople] = useState<Person[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [erasing, setErasing] = useState<Person | null>(null);
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);

  const search = async () => {
    setError(null);
    try {
      setPeople(await api.findPeople(email));
    } catch (e) {
      setError(errorText(errorOf(e)));
    }
  };

  const erase = async () => {
    if (!erasing) return;
    setBusy(true);
    try {
      const done = await api.erasePerson(erasing.id, confirm);
      toggleNotification({ type: 'success', message: t('people.erased', { anonymised: done.anonymised, erased: done.erased }) });
      setErasing(null);
      setConfirm('');
      await search();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>{t('people.title')}</Page.Title>
      <Layouts.Header
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        secondaryAction={<Button variant="tertiary" onClick={() => navigate('..', { relative: 'path' })}>{t('common.backToQueue')}</Button>}
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Box background="neutral0" padding={4} hasRadius shadow="tableShadow">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                void search();
              }}
            >
              <Flex gap={2} alignItems="flex-end">
                <Box flex="1">
                  <Field.Root name="email">
                    <Field.Label>{t('people.email')}</Field.Label>
                    <TextInput dir="ltr" value={email} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEmail(e.target.value)} />
                  </Field.Root>
                </Box>
                <Button type="submit" disabled={email.trim().length < 3}>{t('people.find')}</Button>
              </Flex>
            </form>
          </Box>
          {error && (
            <Alert variant="danger" title={t('people.searchError')} closeLabel={t('common.close')} onClose={() => setError(null)}>
              {error}
            </Alert>
          )}
          {people && people.length === 0 && <EmptyStateLayout content={t('people.none')} />}
          {people && people.length > 0 && (
            <Table colCount={4} rowCount={people.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">{t('people.colEmail')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('people.colName')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('people.colOrganisation')}</Typography></Th>
                  <Th><Typography variant="sigma">{t('people.colRequest')}</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {people.map((person) => (
                  <Tr key={person.id}>
                    <Td><Typography dir="ltr">{person.email}</Typography></Td>
                    <Td><Typography dir="auto">{person.displayName ?? ''}</Typography></Td>
                    <Td><Typography dir="auto">{person.organisation ?? ''}</Typography></Td>
                    <Td>
                      <Flex gap={2}>
                        <Button
                          variant="secondary"
                          onClick={() => api.download(`/moderation/people/${person.id}/export`, `personal-data-${person.id}.json`).catch((e) => toggleNotification({ type: 'danger', message: errorText(errorOf(e)) }))}
                        >
                          {t('people.export')}
                        </Button>
                        <Button variant="danger-light" onClick={() => setErasing(person)}>{t('people.erase')}</Button>
                      </Flex>
                    </Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}
        </Flex>
        <FormDialog
          open={erasing !== null}
          title={t('people.eraseTitle')}
          confirmLabel={t('people.eraseConfirm')}
          confirmVariant="danger"
          busy={busy}
          disabled={!erasing || confirm.trim().toLowerCase() !== erasing.email.toLowerCase()}
          onConfirm={() => void erase()}
          onClose={() => {
            setErasing(null);
            setConfirm('');
          }}
        >
          <Typography>{t('people.eraseHelp')}</Typography>
          <Field.Root name="confirm">
            <Field.Label>{t('people.confirmLabel')}</Field.Label>
            <TextInput dir="ltr" value={confirm} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setConfirm(e.target.value)} />
          </Field.Root>
        </FormDialog>
      </Layouts.Content>
    </Page.Main>
  );
};

import { Alert, Box, Button, EmptyStateLayout, Field, Flex, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { errorMessage, useModerationApi, type Person } from '../api';
import { FormDialog } from '../components/FormDialog';

/** The secretariat's page for a stakeholder's request about their personal data: export, or erase. */
export const PeoplePage = () => {
  const api = useModerationApi();
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
      setError(errorMessage(e));
    }
  };

  const erase = async () => {
    if (!erasing) return;
    setBusy(true);
    try {
      const done = await api.erasePerson(erasing.id, confirm);
      toggleNotification({ type: 'success', message: `Account erased: ${done.anonymised} published submission(s) kept under no name, ${done.erased} removed.` });
      setErasing(null);
      setConfirm('');
      await search();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Page.Main>
      <Page.Title>Personal data requests</Page.Title>
      <Layouts.Header
        title="Personal data requests"
        subtitle="When a stakeholder asks for their data, or to be forgotten."
        secondaryAction={<Button variant="tertiary" onClick={() => navigate('..', { relative: 'path' })}>Back to the queue</Button>}
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
                    <Field.Label>E-mail address of the Hub account</Field.Label>
                    <TextInput value={email} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setEmail(e.target.value)} />
                  </Field.Root>
                </Box>
                <Button type="submit" disabled={email.trim().length < 3}>Find</Button>
              </Flex>
            </form>
          </Box>
          {error && (
            <Alert variant="danger" title="The search failed" closeLabel="Close" onClose={() => setError(null)}>
              {error}
            </Alert>
          )}
          {people && people.length === 0 && <EmptyStateLayout content="No Hub account has this address." />}
          {people && people.length > 0 && (
            <Table colCount={4} rowCount={people.length + 1}>
              <Thead>
                <Tr>
                  <Th><Typography variant="sigma">E-mail</Typography></Th>
                  <Th><Typography variant="sigma">Name</Typography></Th>
                  <Th><Typography variant="sigma">Organisation</Typography></Th>
                  <Th><Typography variant="sigma">Request</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {people.map((person) => (
                  <Tr key={person.id}>
                    <Td><Typography>{person.email}</Typography></Td>
                    <Td><Typography>{person.displayName ?? ''}</Typography></Td>
                    <Td><Typography>{person.organisation ?? ''}</Typography></Td>
                    <Td>
                      <Flex gap={2}>
                        <Button
                          variant="secondary"
                          onClick={() => api.download(`/moderation/people/${person.id}/export`, `personal-data-${person.id}.json`).catch((e) => toggleNotification({ type: 'danger', message: errorMessage(e) }))}
                        >
                          Export their data
                        </Button>
                        <Button variant="danger-light" onClick={() => setErasing(person)}>Erase…</Button>
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
          title="Erase this account?"
          confirmLabel="Erase"
          confirmVariant="danger"
          busy={busy}
          disabled={!erasing || confirm.trim().toLowerCase() !== erasing.email.toLowerCase()}
          onConfirm={() => void erase()}
          onClose={() => {
            setErasing(null);
            setConfirm('');
          }}
        >
          <Typography>
            The account is deleted. Submissions that were never published are deleted with their files. Published ones stay in the discussion, signed
            “Former participant”, without organisation. This cannot be undone; export their data first if they asked for it.
          </Typography>
          <Field.Root name="confirm">
            <Field.Label>Type the e-mail address to confirm</Field.Label>
            <TextInput value={confirm} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setConfirm(e.target.value)} />
          </Field.Root>
        </FormDialog>
      </Layouts.Content>
    </Page.Main>
  );
};

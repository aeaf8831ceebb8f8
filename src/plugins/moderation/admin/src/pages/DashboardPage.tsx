import { Alert, Box, Button, Field, Flex, Grid, Loader, SingleSelect, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { errorMessage, useModerationApi, type Dashboard, type OutreachRecord, type PhaseOption } from '../api';
import { ChartWithTable } from '../components/ChartWithTable';
import { CATEGORIES, waited } from '../labels';

const CHANNELS: Record<string, string> = { email: 'E-mail', phone: 'Phone', meeting: 'Meeting', event: 'Event', social_media: 'Social media', other: 'Other' };
const COLORS = { submitted: '#7b79ff', approved: '#328048', contacted: '#d9822f' };

const Figure = ({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} height="100%">
    <Typography variant="sigma" textColor="neutral600" display="block">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p" data-testid={`figure-${label}`}>
      {value ?? '–'}
    </Typography>
    {hint && (
      <Typography variant="pi" textColor="neutral600">
        {hint}
      </Typography>
    )}
  </Box>
);

const today = () => new Date().toISOString().slice(0, 10);

export const DashboardPage = () => {
  const { phaseId } = useParams();
  const navigate = useNavigate();
  const api = useModerationApi();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ summarize: [{ action: 'plugin::moderation.summarize', subject: null }] });
  const [phases, setPhases] = useState<PhaseOption[] | null>(null);
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [outreach, setOutreach] = useState<OutreachRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [record, setRecord] = useState({ organisation: '', sector: 'civil_society', contactedOn: today(), channel: 'email', note: '' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.phases().then(setPhases, (e) => setError(errorMessage(e)));
  }, [api]);

  const selected = phaseId ?? phases?.[0]?.documentId;
  const load = useCallback(async () => {
    if (!selected) return;
    setError(null);
    setDashboard(null);
    try {
      const [d, o] = await Promise.all([api.dashboard(selected), api.outreach(selected)]);
      setDashboard(d);
      setOutreach(o);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, selected]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await work();
      toggleNotification({ type: 'success', message: success });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const d = dashboard;
  const silent = d?.coverage.categories.filter((c) => c.submitted === 0) ?? [];

  return (
    <Page.Main>
      <Page.Title>Moderation dashboard</Page.Title>
      <Layouts.Header
        title="Dashboard"
        subtitle={d ? `${d.phase.region?.name ?? ''}: ${d.phase.title}` : 'Momentum and coverage of a phase'}
        secondaryAction={<Button variant="tertiary" onClick={() => navigate(phaseId ? '../..' : '..', { relative: 'path' })}>Back to the queue</Button>}
        primaryAction={
          d && (
            <Flex gap={2}>
              <Button variant="secondary" disabled={busy} onClick={() => act(() => api.download(`/moderation/phases/${d.phase.documentId}/export?format=csv`, 'approved.csv'), 'CSV downloaded.')}>CSV</Button>
              <Button variant="secondary" disabled={busy} onClick={() => act(() => api.download(`/moderation/phases/${d.phase.documentId}/export?format=xlsx`, 'approved.xlsx'), 'Spreadsheet downloaded.')}>XLSX</Button>
              <Button variant="secondary" disabled={busy} onClick={() => act(() => api.download(`/moderation/phases/${d.phase.documentId}/export?format=json`, 'approved.json'), 'JSON downloaded.')}>JSON</Button>
              {allowedActions.canSummarize && (
                <Button
                  disabled={busy}
                  onClick={() =>
                    act(async () => {
                      const summary = await api.generateSummary(d.phase.documentId);
                      await api.download(`/moderation/summaries/${summary.documentId}/download?format=docx`, 'summary.docx');
                    }, 'Draft summary generated: edit and publish it under Content Manager > Summary.')
                  }
                >
                  Generate the summary
                </Button>
              )}
            </Flex>
          )
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={5}>
          {phases && (
            <Box maxWidth="480px">
              <SingleSelect aria-label="Phase" value={selected} onChange={(v: string | number) => navigate(phaseId ? `../${v}` : String(v), { relative: 'path' })}>
                {phases.map((p) => (
                  <SingleSelectOption key={p.documentId} value={p.documentId}>
                    {`${p.region?.code ?? ''} · ${p.title}`}
                  </SingleSelectOption>
                ))}
              </SingleSelect>
            </Box>
          )}
          {error && (
            <Alert variant="danger" title="The dashboard could not be loaded" closeLabel="Close" action={<Button onClick={() => load()}>Try again</Button>}>
              {error}
            </Alert>
          )}
          {phases && phases.length === 0 && <Typography>No phase in the regions you moderate yet.</Typography>}
          {!d && !error && phases?.length !== 0 && (
            <Flex justifyContent="center" padding={8}>
              <Loader>Loading the dashboard…</Loader>
            </Flex>
          )}
          {d && (
            <>
              {d.timeline.warnings.map((w) => (
                <Alert key={w} variant="warning" title="Timeline" closeLabel="Close">
                  {w}
                </Alert>
              ))}
              <Grid.Root gap={4}>
                <Grid.Item col={2} s={6}><Figure label="Days left in the phase" value={d.timeline.daysLeftInPhase} hint={d.timeline.isOpen ? 'open now' : 'not open'} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure label="Days to the summary" value={d.timeline.daysToSummaryDue} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure label="Days to the review" value={d.timeline.daysToReview} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure label="Pending" value={d.states.pending} hint={d.backlog.oldestPendingAt ? `oldest waiting ${waited(d.backlog.oldestPendingAt)}` : undefined} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure label="Approved" value={d.states.approved} hint={`${d.states.rejected} rejected, ${d.states.withdrawn} withdrawn`} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure label="Median hours to a decision" value={d.backlog.medianHoursToDecision} /></Grid.Item>
              </Grid.Root>

              <ChartWithTable title="Submissions per day" rows={d.perDay} category="date" categoryLabel="Day" series={[{ key: 'submitted', name: 'Submitted', color: COLORS.submitted }, { key: 'approved', name: 'Approved', color: COLORS.approved }]} />

              {silent.length > 0 && (
                <Alert variant="danger" title="Not heard from yet" closeLabel="Close">
                  {silent.map((c) => c.label).join(', ')}
                </Alert>
              )}
              <ChartWithTable
                title="Stakeholder categories: contributions and outreach"
                rows={d.coverage.categories.map((c) => ({ category: c.label, submitted: c.submitted, approved: c.approved, contacted: c.contacted }))}
                category="category"
                categoryLabel="Stakeholder category"
                layout="vertical"
                series={[{ key: 'submitted', name: 'Submitted', color: COLORS.submitted }, { key: 'approved', name: 'Approved', color: COLORS.approved }, { key: 'contacted', name: 'Contacted', color: COLORS.contacted }]}
                standsOut={(row) => (row.submitted === 0 ? (Number(row.contacted) > 0 ? 'contacted, no input yet' : 'no input yet') : null)}
              />
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <ChartWithTable
                    title="GCM objectives"
                    rows={d.coverage.objectives.map((o) => ({ objective: o.number, title: o.title, submitted: o.submitted, approved: o.approved }))}
                    category="objective"
                    categoryLabel="Objective"
                    series={[{ key: 'submitted', name: 'Submitted', color: COLORS.submitted }, { key: 'approved', name: 'Approved', color: COLORS.approved }]}
                    standsOut={(row) => (row.submitted === 0 ? 'none yet' : null)}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <ChartWithTable
                    title="Guiding questions"
                    rows={d.coverage.questions.map((q) => ({ question: `Q${q.position}`, submitted: q.submitted, approved: q.approved }))}
                    category="question"
                    categoryLabel="Question"
                    series={[{ key: 'submitted', name: 'Submitted', color: COLORS.submitted }, { key: 'approved', name: 'Approved', color: COLORS.approved }]}
                    standsOut={(row) => (row.submitted === 0 ? 'no answer yet' : null)}
                  />
                </Grid.Item>
              </Grid.Root>
              <ChartWithTable
                title="Countries"
                rows={d.coverage.countries.map((c) => ({ country: c.code, submitted: c.submitted, approved: c.approved }))}
                category="country"
                categoryLabel="Country"
                series={[{ key: 'submitted', name: 'Submitted', color: COLORS.submitted }, { key: 'approved', name: 'Approved', color: COLORS.approved }]}
              />

              <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
                <Typography variant="delta" tag="h2">Decisions per moderator</Typography>
                <Table colCount={3} rowCount={d.backlog.byModerator.length + 1}>
                  <Thead>
                    <Tr>
                      <Th><Typography variant="sigma">Moderator</Typography></Th>
                      <Th><Typography variant="sigma">Decisions</Typography></Th>
                      <Th><Typography variant="sigma">Median hours to decide</Typography></Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {d.backlog.byModerator.map((m) => (
                      <Tr key={m.name}>
                        <Td><Typography>{m.name}</Typography></Td>
                        <Td><Typography>{m.decisions}</Typography></Td>
                        <Td><Typography>{m.medianHours ?? '–'}</Typography></Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>

              <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography variant="delta" tag="h2">Outreach</Typography>
                  <Flex gap={2} wrap="wrap" alignItems="flex-end">
                    <Field.Root name="organisation">
                      <Field.Label>Organisation</Field.Label>
                      <TextInput value={record.organisation} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRecord((r) => ({ ...r, organisation: e.target.value }))} />
                    </Field.Root>
                    <Field.Root name="sector">
                      <Field.Label>Sector</Field.Label>
                      <SingleSelect value={record.sector} onChange={(v: string | number) => setRecord((r) => ({ ...r, sector: String(v) }))}>
                        {Object.entries(CATEGORIES).map(([code, label]) => (
                          <SingleSelectOption key={code} value={code}>{label}</SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                    <Field.Root name="contactedOn">
                      <Field.Label>Date</Field.Label>
                      <TextInput type="date" value={record.contactedOn} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRecord((r) => ({ ...r, contactedOn: e.target.value }))} />
                    </Field.Root>
                    <Field.Root name="channel">
                      <Field.Label>Channel</Field.Label>
                      <SingleSelect value={record.channel} onChange={(v: string | number) => setRecord((r) => ({ ...r, channel: String(v) }))}>
                        {Object.entries(CHANNELS).map(([code, label]) => (
                          <SingleSelectOption key={code} value={code}>{label}</SingleSelectOption>
                        ))}
                      </SingleSelect>
                    </Field.Root>
                    <Field.Root name="note">
                      <Field.Label>Note</Field.Label>
                      <TextInput value={record.note} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRecord((r) => ({ ...r, note: e.target.value }))} />
                    </Field.Root>
                    <Button
                      disabled={busy || record.organisation.trim().length < 2}
                      onClick={() =>
                        act(async () => {
                          await api.recordOutreach(d.phase.documentId, record);
                          setRecord((r) => ({ ...r, organisation: '', note: '' }));
                          await load();
                        }, 'Outreach recorded.')
                      }
                    >
                      Record
                    </Button>
                  </Flex>
                  {outreach.length === 0 ? (
                    <Typography textColor="neutral600">No outreach recorded for this phase yet.</Typography>
                  ) : (
                    <Table colCount={5} rowCount={outreach.length + 1}>
                      <Thead>
                        <Tr>
                          {['Date', 'Organisation', 'Sector', 'Channel', 'By'].map((h) => (
                            <Th key={h}><Typography variant="sigma">{h}</Typography></Th>
                          ))}
                        </Tr>
                      </Thead>
                      <Tbody>
                        {outreach.map((o) => (
                          <Tr key={o.id}>
                            <Td><Typography>{o.contactedOn}</Typography></Td>
                            <Td><Typography title={o.note ?? undefined}>{o.organisation}</Typography></Td>
                            <Td><Typography>{CATEGORIES[o.sector] ?? o.sector}</Typography></Td>
                            <Td><Typography>{CHANNELS[o.channel] ?? o.channel}</Typography></Td>
                            <Td><Typography>{o.moderatorName}</Typography></Td>
                          </Tr>
                        ))}
                      </Tbody>
                    </Table>
                  )}
                </Flex>
              </Box>
            </>
          )}
        </Flex>
      </Layouts.Content>
    </Page.Main>
  );
};

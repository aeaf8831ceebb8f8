import { Alert, Box, Button, Field, Flex, Grid, Loader, SingleSelectOption, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography } from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState } from 'react';
import { useIntl } from 'react-intl';
import { useNavigate, useParams } from 'react-router-dom';
import { errorOf, useModerationApi, type Dashboard, type OutreachRecord, type PhaseOption } from '../api';
import { ChartWithTable } from '../components/ChartWithTable';
import { useErrorText, useT, useTime, type MessageKey } from '../i18n';
import { CHANNEL_KEYS, useLabels } from '../labels';
import { Select } from '../components/Select';

const TIMELINE_KEYS: Record<string, MessageKey> = {
  opensLate: 'timeline.opensLate',
  summaryBeforeClose: 'timeline.summaryBeforeClose',
  closesAfterReview: 'timeline.closesAfterReview',
  opensBeforeReview: 'timeline.opensBeforeReview',
};
const EXPORTS = [
  { format: 'csv', name: 'approved.csv', label: 'export.csv' },
  { format: 'xlsx', name: 'approved.xlsx', label: 'export.xlsx' },
  { format: 'json', name: 'approved.json', label: 'export.json' },
] as const;
const COLORS = { submitted: '#7b79ff', approved: '#328048', contacted: '#d9822f' };

const Figure = ({ id, label, value, hint }: { id: string; label: string; value: React.ReactNode; hint?: string }) => (
  <Box background="neutral0" hasRadius shadow="tableShadow" padding={4} height="100%">
    <Typography variant="sigma" textColor="neutral600" display="block">
      {label}
    </Typography>
    <Typography variant="alpha" tag="p" data-testid={`figure-${id}`}>
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
  const { t } = useT();
  const time = useTime();
  const labels = useLabels();
  const errorText = useErrorText();
  const { locale } = useIntl();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC({ summarize: [{ action: 'plugin::moderation.summarize', subject: null }] });
  const [phases, setPhases] = useState<PhaseOption[] | null>(null);
  const [dashboard, setDashboard] = useState<Dashboard | null>(null);
  const [outreach, setOutreach] = useState<OutreachRecord[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [record, setRecord] = useState({ organisation: '', sector: 'civil_society', contactedOn: today(), channel: 'email', note: '' });
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.phases().then(setPhases, (e) => setError(errorText(errorOf(e))));
  }, [api, errorText]);

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
      setError(errorText(errorOf(e)));
    }
  }, [api, selected, errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  const act = async (work: () => Promise<unknown>, success: string) => {
    setBusy(true);
    try {
      await work();
      toggleNotification({ type: 'success', message: success });
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
    } finally {
      setBusy(false);
    }
  };

  const d = dashboard;
  const num = (n: number | null | undefined) => (n === null || n === undefined ? '–' : time.number(n));
  const submitted = { key: 'submitted', name: t('series.submitted'), color: COLORS.submitted };
  const approved = { key: 'approved', name: t('series.approved'), color: COLORS.approved };
  const silent = d?.coverage.categories.filter((c) => c.submitted === 0) ?? [];

  return (
    <Page.Main>
      <Page.Title>{t('dashboard.pageTitle')}</Page.Title>
      <Layouts.Header
        title={t('dashboard.title')}
        subtitle={d ? t('dashboard.phaseSubtitle', { region: labels.region(d.phase.region?.code ?? ''), phase: d.phase.title }) : t('dashboard.subtitle')}
        secondaryAction={<Button variant="tertiary" onClick={() => navigate(phaseId ? '../..' : '..', { relative: 'path' })}>{t('common.backToQueue')}</Button>}
        primaryAction={
          d && (
            <Flex gap={2} role="group" aria-label={t('export.label')}>
              {EXPORTS.map((e) => (
                <Button
                  key={e.format}
                  variant="secondary"
                  disabled={busy}
                  aria-label={t('export.download', { format: t(e.label) })}
                  onClick={() => act(() => api.download(`/moderation/phases/${d.phase.documentId}/export?format=${e.format}&language=${encodeURIComponent(locale)}`, e.name), t('export.downloaded', { format: t(e.label) }))}
                >
                  {t(e.label)}
                </Button>
              ))}
              {allowedActions.canSummarize && (
                <Button
                  disabled={busy}
                  onClick={() =>
                    act(async () => {
                      const summary = await api.generateSummary(d.phase.documentId);
                      await api.download(`/moderation/summaries/${summary.documentId}/download?format=docx`, 'summary.docx');
                    }, t('summary.generated'))
                  }
                >
                  {t('summary.generate')}
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
              <Select aria-label={t('dashboard.phase')} value={selected} onChange={(v: string | number) => navigate(phaseId ? `../${v}` : String(v), { relative: 'path' })}>
                {phases.map((p) => (
                  <SingleSelectOption key={p.documentId} value={p.documentId}>
                    {`${p.region?.code ?? ''} · ${p.title}`}
                  </SingleSelectOption>
                ))}
              </Select>
            </Box>
          )}
          {error && (
            <Alert variant="danger" title={t('dashboard.loadError')} closeLabel={t('common.close')} action={<Button onClick={() => load()}>{t('common.tryAgain')}</Button>}>
              {error}
            </Alert>
          )}
          {phases && phases.length === 0 && <Typography>{t('dashboard.noPhase')}</Typography>}
          {!d && !error && phases?.length !== 0 && (
            <Flex justifyContent="center" padding={8}>
              <Loader>{t('dashboard.loading')}</Loader>
            </Flex>
          )}
          {d && (
            <>
              {d.timeline.warnings.map((w) => (
                <Alert key={w.code + w.message} variant="warning" title={t('dashboard.timeline')} closeLabel={t('common.close')}>
                  {TIMELINE_KEYS[w.code] ? t(TIMELINE_KEYS[w.code], { by: w.values?.by ? time.day(w.values.by) : '' }) : t('timeline.invalid', { message: w.message })}
                </Alert>
              ))}
              <Grid.Root gap={4}>
                <Grid.Item col={2} s={6}><Figure id="daysLeft" label={t('figure.daysLeft')} value={num(d.timeline.daysLeftInPhase)} hint={t(d.timeline.isOpen ? 'figure.open' : 'figure.notOpen')} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure id="daysToSummary" label={t('figure.daysToSummary')} value={num(d.timeline.daysToSummaryDue)} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure id="daysToReview" label={t('figure.daysToReview')} value={num(d.timeline.daysToReview)} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure id="pending" label={t('figure.pending')} value={num(d.states.pending)} hint={d.backlog.oldestPendingAt ? t('figure.oldest', { waited: time.waited(d.backlog.oldestPendingAt) }) : undefined} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure id="approved" label={t('figure.approved')} value={num(d.states.approved)} hint={t('figure.approvedHint', { rejected: d.states.rejected, withdrawn: d.states.withdrawn })} /></Grid.Item>
                <Grid.Item col={2} s={6}><Figure id="medianHours" label={t('figure.medianHours')} value={num(d.backlog.medianHoursToDecision)} /></Grid.Item>
              </Grid.Root>

              <ChartWithTable title={t('chart.perDay')} rows={d.perDay.map((p) => ({ ...p, date: time.day(p.date) }))} category="date" categoryLabel={t('chart.day')} series={[submitted, approved]} />

              {silent.length > 0 && (
                <Alert variant="danger" title={t('dashboard.silent')} closeLabel={t('common.close')}>
                  {time.list(silent.map((c) => labels.category(c.code)))}
                </Alert>
              )}
              <ChartWithTable
                title={t('chart.categories')}
                rows={d.coverage.categories.map((c) => ({ category: labels.category(c.code), submitted: c.submitted, approved: c.approved, contacted: c.contacted }))}
                category="category"
                categoryLabel={t('chart.category')}
                layout="vertical"
                series={[submitted, approved, { key: 'contacted', name: t('series.contacted'), color: COLORS.contacted }]}
                standsOut={(row) => (row.submitted === 0 ? t(Number(row.contacted) > 0 ? 'chart.contactedNoInput' : 'chart.noInput') : null)}
              />
              <Grid.Root gap={4}>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <ChartWithTable
                    title={t('chart.objectives')}
                    rows={d.coverage.objectives.map((o) => ({ objective: o.number, title: labels.objective(o.number), submitted: o.submitted, approved: o.approved }))}
                    category="objective"
                    categoryLabel={t('chart.objective')}
                    series={[submitted, approved]}
                    standsOut={(row) => (row.submitted === 0 ? t('chart.noneYet') : null)}
                  />
                </Grid.Item>
                <Grid.Item col={6} s={12} direction="column" alignItems="stretch">
                  <ChartWithTable
                    title={t('chart.questions')}
                    rows={d.coverage.questions.map((q) => ({ question: t('question.short', { position: q.position }), submitted: q.submitted, approved: q.approved }))}
                    category="question"
                    categoryLabel={t('chart.question')}
                    series={[submitted, approved]}
                    standsOut={(row) => (row.submitted === 0 ? t('chart.noAnswer') : null)}
                  />
                </Grid.Item>
              </Grid.Root>
              <ChartWithTable
                title={t('chart.countries')}
                rows={d.coverage.countries.map((c) => ({ country: labels.country(c.code), submitted: c.submitted, approved: c.approved }))}
                category="country"
                categoryLabel={t('chart.country')}
                series={[submitted, approved]}
              />

              <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
                <Typography variant="delta" tag="h2">{t('moderators.title')}</Typography>
                <Table colCount={3} rowCount={d.backlog.byModerator.length + 1}>
                  <Thead>
                    <Tr>
                      <Th><Typography variant="sigma">{t('moderators.name')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('moderators.decisions')}</Typography></Th>
                      <Th><Typography variant="sigma">{t('moderators.median')}</Typography></Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {d.backlog.byModerator.map((m) => (
                      <Tr key={m.name}>
                        <Td><Typography dir="auto">{m.name}</Typography></Td>
                        <Td><Typography>{time.number(m.decisions)}</Typography></Td>
                        <Td><Typography>{num(m.medianHours)}</Typography></Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              </Box>

              <Box background="neutral0" hasRadius shadow="tableShadow" padding={5}>
                <Flex direction="column" alignItems="stretch" gap={3}>
                  <Typography variant="delta" tag="h2">{t('outreach.title')}</Typography>
                  <Flex gap={2} wrap="wrap" alignItems="flex-end">
                    <Field.Root name="organisation">
                      <Field.Label>{t('outreach.organisation')}</Field.Label>
                      <TextInput dir="auto" value={record.organisation} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRecord((r) => ({ ...r, organisation: e.target.value }))} />
                    </Field.Root>
                    <Field.Root name="sector">
                      <Field.Label>{t('outreach.sector')}</Field.Label>
                      <Select value={record.sector} onChange={(v: string | number) => setRecord((r) => ({ ...r, sector: String(v) }))}>
                        {Object.entries(labels.categories).map(([code, label]) => (
                          <SingleSelectOption key={code} value={code}>{label}</SingleSelectOption>
                        ))}
                      </Select>
                    </Field.Root>
                    <Field.Root name="contactedOn">
                      <Field.Label>{t('outreach.date')}</Field.Label>
                      <TextInput type="date" value={record.contactedOn} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRecord((r) => ({ ...r, contactedOn: e.target.value }))} />
                    </Field.Root>
                    <Field.Root name="channel">
                      <Field.Label>{t('outreach.channel')}</Field.Label>
                      <Select value={record.channel} onChange={(v: string | number) => setRecord((r) => ({ ...r, channel: String(v) }))}>
                        {Object.keys(CHANNEL_KEYS).map((code) => (
                          <SingleSelectOption key={code} value={code}>{labels.channel(code)}</SingleSelectOption>
                        ))}
                      </Select>
                    </Field.Root>
                    <Field.Root name="note">
                      <Field.Label>{t('outreach.note')}</Field.Label>
                      <TextInput dir="auto" value={record.note} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setRecord((r) => ({ ...r, note: e.target.value }))} />
                    </Field.Root>
                    <Button
                      disabled={busy || record.organisation.trim().length < 2}
                      onClick={() =>
                        act(async () => {
                          await api.recordOutreach(d.phase.documentId, record);
                          setRecord((r) => ({ ...r, organisation: '', note: '' }));
                          await load();
                        }, t('outreach.recorded'))
                      }
                    >
                      {t('outreach.record')}
                    </Button>
                  </Flex>
                  {outreach.length === 0 ? (
                    <Typography textColor="neutral600">{t('outreach.none')}</Typography>
                  ) : (
                    <Table colCount={5} rowCount={outreach.length + 1}>
                      <Thead>
                        <Tr>
                          {(['outreach.date', 'outreach.organisation', 'outreach.sector', 'outreach.channel', 'outreach.by'] as const).map((h) => (
                            <Th key={h}><Typography variant="sigma">{t(h)}</Typography></Th>
                          ))}
                        </Tr>
                      </Thead>
                      <Tbody>
                        {outreach.map((o) => (
                          <Tr key={o.id}>
                            <Td><Typography>{time.day(o.contactedOn)}</Typography></Td>
                            <Td><Typography dir="auto" title={o.note ?? undefined}>{o.organisation}</Typography></Td>
                            <Td><Typography>{labels.category(o.sector)}</Typography></Td>
                            <Td><Typography>{labels.channel(o.channel)}</Typography></Td>
                            <Td><Typography dir="auto">{o.moderatorName}</Typography></Td>
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

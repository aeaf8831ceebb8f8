import {
  Alert,
  Box,
  Button,
  Checkbox,
  EmptyStateLayout,
  Flex,
  Link,
  Loader,
  SingleSelectOption,
  Table,
  Tabs,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Layouts, Page, useNotification, useRBAC } from '@strapi/strapi/admin';
import { useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, useNavigate, useSearchParams } from 'react-router-dom';
import { errorOf, STATES, useModerationApi, type BulkAction, type ModerationState, type Overview, type PhaseOption, type Queue } from '../api';
import { FlagBadges } from '../components/FlagBadges';
import { FormDialog } from '../components/FormDialog';
import { ReasonDialog } from '../components/ReasonDialog';
import { RetractDialog, type RetractedTo } from '../components/RetractDialog';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { directionOf, useErrorText, useT, useTime, type MessageKey } from '../i18n';
import { useIntl } from 'react-intl';
import { displayText, useLabels, UserText } from '../labels';
import { useShortcuts } from '../useShortcuts';
import { Select } from '../components/Select';

const FilterSelect = ({ label, placeholder, width, options, value, onChange }: { label: string; placeholder: string; width: string; options: Record<string, string>; value: string | null; onChange: (value: string) => void }) => (
  <Box minWidth={width}>
    <Select aria-label={label} placeholder={placeholder} value={value ?? undefined} onChange={(v: string | number) => onChange(String(v))}>
      {Object.entries(options).map(([code, name]) => (
        <SingleSelectOption key={code} value={code}>
          {name}
        </SingleSelectOption>
      ))}
    </Select>
  </Box>
);

/** How often the queue refreshes itself while it is shown. */
const LIVE_QUEUE_MS = 15000;
const BULK_DONE: Record<BulkAction, MessageKey> = { approve: 'queue.bulkApproved', reject: 'queue.bulkRejected', return: 'queue.bulkReturned', retract: 'queue.bulkRetracted' };
const FILTERS = ['region', 'phase', 'guidingQuestion', 'kind', 'stakeholderCategory', 'language', 'flagged', 'q'] as const;

export const QueuePage = () => {
  const api = useModerationApi();
  const navigate = useNavigate();
  const { t, rich } = useT();
  const time = useTime();
  const labels = useLabels();
  const errorText = useErrorText();
  const { locale } = useIntl();
  // Pages and actions a role may not use are not offered (the server refuses them anyway).
  const {
    allowedActions: { canPrivacy: canHandlePeople, canDashboard, canQuestions, canDecide, canOutbox },
  } = useRBAC({
    privacy: [{ action: 'plugin::moderation.privacy', subject: null }],
    outbox: [{ action: 'plugin::moderation.outbox', subject: null }],
    dashboard: [{ action: 'plugin::moderation.dashboard', subject: null }],
    questions: [{ action: 'plugin::moderation.questions', subject: null }],
    decide: [{ action: 'plugin::moderation.decide', subject: null }],
  });
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') ?? 'pending') as ModerationState;
  const [overview, setOverview] = useState<Overview | null>(null);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [focus, setFocus] = useState(0);
  const [dialog, setDialog] = useState<null | BulkAction | 'shortcuts'>(null);
  const [phases, setPhases] = useState<PhaseOption[]>([]);
  const [search, setSearch] = useState(params.get('q') ?? '');
  // Strapi's Tr does not forward a ref: rows are found in the table's container.
  const tableRef = useRef<HTMLDivElement>(null);

  const query = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const queryKey = params.toString();
  const filtered = Object.keys(query).some((k) => (FILTERS as readonly string[]).includes(k));

  /** `quietly`: a refresh of the same view, which keeps the selection and the current row. */
  const load = useCallback(
    async (quietly = false) => {
      if (!quietly) setError(null);
      try {
        const [o, q] = await Promise.all([api.overview(), api.queue({ pageSize: '25', ...Object.fromEntries(new URLSearchParams(queryKey)), state })]);
        setOverview(o);
        setQueue(q);
        if (quietly) {
          const shown = new Set(q.data.map((row) => row.documentId));
          setSelected((current) => current.filter((id) => shown.has(id)));
          setFocus((current) => Math.min(current, Math.max(q.data.length - 1, 0)));
        } else {
          setSelected([]);
          setFocus(0);
        }
      } catch (e) {
        if (!quietly) setError(errorText(errorOf(e)));
      }
    },
    [api, queryKey, state, errorText],
  );

  useEffect(() => {
    void load();
  }, [load]);

  // The queue stays current without reloading: new submissions, decisions and who is on what.
  // Only while the tab is visible; the server answers an unchanged queue with a 304.
  useEffect(() => {
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') void load(true);
    }, LIVE_QUEUE_MS);
    return () => window.clearInterval(timer);
  }, [load]);

  // The phase and question filters need the dashboard's phase list; without that permission they are not offered.
  useEffect(() => {
    api.phases().then(setPhases, () => setPhases([]));
  }, [api]);
  const phase = phases.find((p) => p.documentId === params.get('phase'));

  const set = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next);
  };

  const rows = queue?.data ?? [];
  const linkState = { ids: rows.map((r) => r.documentId) };
  const open = (documentId: string) => navigate(`submissions/${documentId}`, { state: linkState });
  // The current row takes the keyboard focus, so that j / k show where one is.
  const moveFocus = (to: number) => {
    const next = Math.max(0, Math.min(to, rows.length - 1));
    setFocus(next);
    tableRef.current?.querySelectorAll<HTMLTableRowElement>('tbody tr')[next]?.focus();
  };

  useShortcuts({
    j: () => moveFocus(focus + 1),
    k: () => moveFocus(focus - 1),
    o: () => rows[focus] && open(rows[focus].documentId),
    Enter: () => rows[focus] && open(rows[focus].documentId),
    '?': () => setDialog('shortcuts'),
  });

  const bulk = async (action: BulkAction, reason?: string, to?: RetractedTo) => {
    try {
      const results = await api.bulk(action, selected, reason, to);
      const done = results.filter((r) => r.status === 200).length;
      const refused = results.filter((r) => r.status !== 200);
      const outcome = t(BULK_DONE[action], { count: done });
      toggleNotification({
        type: refused.length ? 'warning' : 'success',
        message: refused.length ? t('queue.bulkRefused', { outcome, count: refused.length, reasons: time.list([...new Set(refused.map((r) => errorText(r)))]) }) : outcome,
      });
      setDialog(null);
      await load();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorText(errorOf(e)) });
    }
  };

  // Pending submissions are decided together, published ones retracted together; the others wait on nobody here.
  const selectable = canDecide && (state === 'pending' || state === 'approved');

  const pendingSummary = overview
    ? time.list(
        overview.regions.map((r) =>
          r.oldestPendingAt ? t('queue.regionPendingOldest', { region: r.code, count: r.pending, waited: time.waited(r.oldestPendingAt) }) : t('queue.regionPending', { region: r.code, count: r.pending }),
        ),
      )
    : t('common.loading');
  const pagination = queue?.meta.pagination;
  const selectedLanguages = [...new Set(rows.filter((r) => selected.includes(r.documentId)).map((r) => r.language))];

  const content =
    error ? (
      <Alert variant="danger" title={t('queue.loadError')} closeLabel={t('common.close')} action={<Button onClick={() => load()}>{t('common.tryAgain')}</Button>}>
        {error}
      </Alert>
    ) : !queue ? (
      <Flex justifyContent="center" padding={8}>
        <Loader>{t('queue.loading')}</Loader>
      </Flex>
    ) : rows.length === 0 ? (
      <EmptyStateLayout
        content={
          state === 'pending'
            ? t(filtered ? 'queue.emptyPendingFiltered' : 'queue.emptyPending')
            : t(filtered ? 'queue.emptyStateFiltered' : 'queue.emptyState', { state })
        }
      />
    ) : (
      <Box ref={tableRef}>
      <Table colCount={8} rowCount={rows.length + 1}>
        <Thead>
          <Tr>
            <Th>
              {selectable ? (
                <Checkbox aria-label={t('queue.selectAll')} checked={selected.length === rows.length ? true : selected.length ? 'indeterminate' : false} onCheckedChange={(c: boolean | 'indeterminate') => setSelected(c === true ? rows.map((r) => r.documentId) : [])} />
              ) : (
                <Typography variant="sigma" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
                  {t('queue.colSelect')}
                </Typography>
              )}
            </Th>
            <Th><Typography variant="sigma">{t('queue.colSubmission')}</Typography></Th>
            <Th><Typography variant="sigma">{t(state === 'pending' ? 'queue.colWaiting' : 'queue.colDecided')}</Typography></Th>
            <Th><Typography variant="sigma">{t('queue.colFrom')}</Typography></Th>
            <Th><Typography variant="sigma">{t('queue.colQuestion')}</Typography></Th>
            <Th><Typography variant="sigma">{t('queue.colFlags')}</Typography></Th>
            <Th><Typography variant="sigma">{t('queue.colFiles')}</Typography></Th>
            <Th><Typography variant="sigma">{t('queue.colRegion')}</Typography></Th>
          </Tr>
        </Thead>
        <Tbody>
          {rows.map((row, index) => (
            <Tr
              key={row.documentId}
              tabIndex={index === focus ? 0 : -1}
              aria-current={index === focus ? 'true' : undefined}
              onFocus={() => setFocus(index)}
              onClick={() => open(row.documentId)}
              style={{ cursor: 'pointer', outline: index === focus ? '2px solid #4945ff' : undefined, outlineOffset: -2 }}
              data-testid="queue-row"
            >
              <Td onClick={(e: React.MouseEvent) => e.stopPropagation()}>
                {selectable && (
                  <Checkbox aria-label={t('queue.selectRow', { title: displayText(row.title) })} checked={selected.includes(row.documentId)} onCheckedChange={(c: boolean | 'indeterminate') => setSelected((s) => (c === true ? [...s, row.documentId] : s.filter((id) => id !== row.documentId)))} />
                )}
              </Td>
              <Td style={{ maxWidth: 420, whiteSpace: 'normal' }}>
                <Link tag={NavLink} to={`submissions/${row.documentId}`} state={linkState} onClick={(e: React.MouseEvent) => e.stopPropagation()}>
                  <UserText language={row.language} text={row.title} fontWeight="bold" display="block" />
                </Link>
                <Typography variant="pi" textColor="neutral600" display="block">
                  {labels.kind(row.kind)}
                </Typography>
                <UserText language={row.language} text={row.excerpt.slice(0, 160)} variant="pi" textColor="neutral600" display="block" />
                {row.others.length > 0 && (
                  <Typography variant="pi" textColor="primary600" display="block" data-testid="queue-row-others">
                    {rich('presence.onIt', { names: <bdi key="names">{time.list(row.others.map((o) => o.name))}</bdi>, since: time.ago(row.others[0].since) })}
                  </Typography>
                )}
              </Td>
              <Td><Typography>{state === 'pending' ? time.waited(row.createdAt) : time.ago(row.decidedAt ?? row.createdAt)}</Typography></Td>
              <Td style={{ whiteSpace: 'normal' }}>
                <UserText text={row.organisation ?? row.authorName} display="block" />
                <Typography variant="pi" textColor="neutral600" display="block">{labels.category(row.stakeholderCategory)}</Typography>
              </Td>
              <Td style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                {row.guidingQuestion && (
                  <Typography variant="pi" title={row.guidingQuestion.text}>
                    {rich('question.withText', { position: row.guidingQuestion.position, text: <span key="text" lang="en" dir="ltr">{row.guidingQuestion.text.slice(0, 60)}…</span> })}
                  </Typography>
                )}
              </Td>
              <Td><FlagBadges flags={row.screeningFlags} /></Td>
              <Td><Typography>{row.attachments?.length ? time.number(row.attachments.length) : ''}</Typography></Td>
              <Td><Typography title={labels.region(row.region?.code ?? '')}>{row.region?.code}</Typography></Td>
            </Tr>
          ))}
        </Tbody>
      </Table>
      </Box>
    );

  return (
    <Page.Main>
      <Page.Title>{t('queue.title')}</Page.Title>
      <Layouts.Header
        title={t('queue.title')}
        subtitle={pendingSummary}
        primaryAction={
          <Flex gap={2}>
            {canQuestions && <Button variant="secondary" onClick={() => navigate('questions')}>{t('nav.questions')}</Button>}
            {canDashboard && <Button variant="secondary" onClick={() => navigate('dashboard')}>{t('nav.dashboard')}</Button>}
            {canHandlePeople && (
              <Button variant="tertiary" onClick={() => navigate('people')}>
                {t('nav.people')}
              </Button>
            )}
            {canOutbox && <OutboxButton />}
          </Flex>
        }
      />
      <Layouts.Content>
        <Tabs.Root dir={directionOf(locale)} value={state} onValueChange={(value: string) => set({ state: value === 'pending' ? undefined : value })}>
          <Flex direction="column" alignItems="stretch" gap={4}>
            <Tabs.List aria-label={t('queue.tabsLabel')}>
              {STATES.map((s) => (
                <Tabs.Trigger key={s} value={s}>
                  {queue ? t('queue.tab', { state: labels.state(s), count: queue.meta.counts[s] }) : labels.state(s)}
                </Tabs.Trigger>
              ))}
            </Tabs.List>

            <Flex gap={2} wrap="wrap" alignItems="flex-end">
              {overview && overview.regions.length > 1 && (
                <FilterSelect label={t('filter.region')} placeholder={t('filter.allRegions')} width="140px" options={Object.fromEntries(overview.regions.map((r) => [r.code, labels.region(r.code)]))} value={params.get('region')} onChange={(v) => set({ region: v })} />
              )}
              {phases.length > 0 && (
                <FilterSelect
                  label={t('filter.phase')}
                  placeholder={t('filter.allPhases')}
                  width="240px"
                  options={Object.fromEntries(phases.map((p) => [p.documentId, t('filter.phaseOption', { region: p.region?.code ?? '–', phase: p.title })]))}
                  value={params.get('phase')}
                  onChange={(v) => set({ phase: v, guidingQuestion: undefined })}
                />
              )}
              {phase && phase.guidingQuestions.length > 0 && (
                <FilterSelect
                  label={t('filter.question')}
                  placeholder={t('filter.allQuestions')}
                  width="240px"
                  options={Object.fromEntries(phase.guidingQuestions.map((q) => [q.documentId, t('question.withText', { position: q.position, text: q.text.length > 60 ? `${q.text.slice(0, 60)}…` : q.text })]))}
                  value={params.get('guidingQuestion')}
                  onChange={(v) => set({ guidingQuestion: v })}
                />
              )}
              <FilterSelect label={t('filter.kind')} placeholder={t('filter.allKinds')} width="160px" options={labels.kinds} value={params.get('kind')} onChange={(v) => set({ kind: v })} />
              <FilterSelect label={t('filter.category')} placeholder={t('filter.allCategories')} width="220px" options={labels.categories} value={params.get('stakeholderCategory')} onChange={(v) => set({ stakeholderCategory: v })} />
              <FilterSelect label={t('filter.language')} placeholder={t('filter.allLanguages')} width="140px" options={labels.languages} value={params.get('language')} onChange={(v) => set({ language: v })} />
              <Box paddingBottom={2}>
                <Checkbox checked={params.get('flagged') === 'true'} onCheckedChange={(checked: boolean | 'indeterminate') => set({ flagged: checked === true ? 'true' : undefined })}>
                  {t('filter.flagged')}
                </Checkbox>
              </Box>
              <Box minWidth="240px">
                <form
                  role="search"
                  onSubmit={(e) => {
                    e.preventDefault();
                    set({ q: search.trim() });
                  }}
                >
                  <TextInput aria-label={t('filter.search')} placeholder={t('filter.searchPlaceholder')} value={search} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)} />
                </form>
              </Box>
              {filtered && (
                <Button
                  variant="tertiary"
                  onClick={() => {
                    setSearch('');
                    set(Object.fromEntries(FILTERS.map((f) => [f, undefined])));
                  }}
                >
                  {t('filter.clear')}
                </Button>
              )}
            </Flex>

            {selectable && selected.length > 0 && (
              <Flex gap={2}>
                <Typography>{t('queue.selected', { count: selected.length })}</Typography>
                {state === 'pending' ? (
                  <>
                    <Button variant="success" onClick={() => setDialog('approve')}>
                      {t('queue.approveSelected')}
                    </Button>
                    <Button variant="secondary" onClick={() => setDialog('return')}>
                      {t('queue.returnSelected')}
                    </Button>
                    <Button variant="danger-light" onClick={() => setDialog('reject')}>
                      {t('queue.rejectSelected')}
                    </Button>
                  </>
                ) : (
                  <Button variant="danger-light" onClick={() => setDialog('retract')}>
                    {t('queue.retractSelected')}
                  </Button>
                )}
              </Flex>
            )}

            {/* Every tab has its panel, so that each tab's aria-controls names an element that exists. */}
            {STATES.map((s) => (
              <Tabs.Content key={s} value={s} forceMount hidden={s !== state}>
                {s === state && content}
              </Tabs.Content>
            ))}

            {pagination && pagination.pageCount > 1 && (
              <Flex gap={2} justifyContent="flex-end">
                <Button variant="tertiary" disabled={pagination.page <= 1} onClick={() => set({ page: String(pagination.page - 1) })}>
                  {t('pagination.previous')}
                </Button>
                <Typography>{t('pagination.page', { page: pagination.page, pageCount: pagination.pageCount, total: pagination.total })}</Typography>
                <Button variant="tertiary" disabled={pagination.page >= pagination.pageCount} onClick={() => set({ page: String(pagination.page + 1) })}>
                  {t('pagination.next')}
                </Button>
              </Flex>
            )}
            <Typography variant="pi" textColor="neutral600">
              {t('queue.keys')}
            </Typography>
          </Flex>
        </Tabs.Root>
      </Layouts.Content>
      <FormDialog open={dialog === 'approve'} title={t('approve.titleBulk', { count: selected.length })} confirmLabel={t('action.approve')} confirmVariant="success" confirmFocused onClose={() => setDialog(null)} onConfirm={() => void bulk('approve')}>
        <Typography>{t('approve.helpBulk')}</Typography>
      </FormDialog>
      <ShortcutsDialog open={dialog === 'shortcuts'} onClose={() => setDialog(null)} />
      <ReasonDialog
        open={dialog === 'reject'}
        title={t('queue.rejectTitle', { count: selected.length })}
        confirmLabel={t('action.reject')}
        templates={overview?.rejectionReasons}
        language={selectedLanguages.length === 1 ? selectedLanguages[0] : null}
        onConfirm={(reason) => bulk('reject', reason)}
        onClose={() => setDialog(null)}
      />
      <ReasonDialog open={dialog === 'return'} title={t('queue.returnTitle', { count: selected.length })} confirmLabel={t('action.return')} confirmVariant="default" label={t('return.label')} help={t('return.help')} onConfirm={(note) => bulk('return', note)} onClose={() => setDialog(null)} />
      <RetractDialog open={dialog === 'retract'} title={t('queue.retractTitle', { count: selected.length })} onConfirm={(to, reason) => bulk('retract', reason, to)} onClose={() => setDialog(null)} />
    </Page.Main>
  );
};

/** The way to the outgoing e-mail, saying how many messages fail (looked at once, when the queue opens). */
const OutboxButton = () => {
  const api = useModerationApi();
  const navigate = useNavigate();
  const { t } = useT();
  const [failing, setFailing] = useState(0);
  useEffect(() => {
    api.outbox().then((outbox) => setFailing(outbox.failing.length), () => setFailing(0));
  }, [api]);
  return (
    <Button variant={failing ? 'danger-light' : 'tertiary'} onClick={() => navigate('outbox')}>
      {t('nav.outbox', { failing })}
    </Button>
  );
};

import {
  Alert,
  Box,
  Button,
  Checkbox,
  EmptyStateLayout,
  Flex,
  Loader,
  SingleSelect,
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
import { useCallback, useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { errorMessage, STATES, useModerationApi, type ModerationState, type Overview, type Queue } from '../api';
import { FlagBadges } from '../components/FlagBadges';
import { ReasonDialog } from '../components/ReasonDialog';
import { CATEGORIES, displayText, KINDS, LANGUAGES, waited } from '../labels';
import { useShortcuts } from '../useShortcuts';

const FilterSelect = ({ label, placeholder, width, options, value, onChange }: { label: string; placeholder: string; width: string; options: Record<string, string>; value: string | null; onChange: (value: string) => void }) => (
  <Box minWidth={width}>
    <SingleSelect aria-label={label} placeholder={placeholder} value={value ?? undefined} onChange={(v: string | number) => onChange(String(v))}>
      {Object.entries(options).map(([code, name]) => (
        <SingleSelectOption key={code} value={code}>
          {name}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  </Box>
);

const STATE_LABELS: Record<ModerationState, string> = { pending: 'Pending', approved: 'Approved', rejected: 'Rejected', withdrawn: 'Withdrawn' };
const FILTERS = ['region', 'kind', 'stakeholderCategory', 'language', 'flagged', 'q'] as const;

export const QueuePage = () => {
  const api = useModerationApi();
  const navigate = useNavigate();
  const {
    allowedActions: { canPrivacy: canHandlePeople },
  } = useRBAC({ privacy: [{ action: 'plugin::moderation.privacy', subject: null }] });
  const { toggleNotification } = useNotification();
  const [params, setParams] = useSearchParams();
  const state = (params.get('state') ?? 'pending') as ModerationState;
  const [overview, setOverview] = useState<Overview | null>(null);
  const [queue, setQueue] = useState<Queue | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [focus, setFocus] = useState(0);
  const [rejecting, setRejecting] = useState(false);
  const [search, setSearch] = useState(params.get('q') ?? '');

  const query = Object.fromEntries([...params.entries()].filter(([, v]) => v !== ''));
  const queryKey = params.toString();

  const load = useCallback(async () => {
    setError(null);
    try {
      const [o, q] = await Promise.all([api.overview(), api.queue({ pageSize: '25', ...Object.fromEntries(new URLSearchParams(queryKey)), state })]);
      setOverview(o);
      setQueue(q);
      setSelected([]);
      setFocus(0);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [api, queryKey, state]);

  useEffect(() => {
    void load();
  }, [load]);

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
  const open = (documentId: string) => navigate(`submissions/${documentId}`, { state: { ids: rows.map((r) => r.documentId) } });

  useShortcuts({
    j: () => setFocus((f) => Math.min(f + 1, rows.length - 1)),
    k: () => setFocus((f) => Math.max(f - 1, 0)),
    o: () => rows[focus] && open(rows[focus].documentId),
    Enter: () => rows[focus] && open(rows[focus].documentId),
  });

  const bulk = async (action: 'approve' | 'reject', reason?: string) => {
    try {
      const results = await api.bulk(action, selected, reason);
      const done = results.filter((r) => r.status === 200).length;
      const refused = results.filter((r) => r.status !== 200);
      toggleNotification({
        type: refused.length ? 'warning' : 'success',
        message: `${done} ${action === 'approve' ? 'approved' : 'rejected'}${refused.length ? `; ${refused.length} refused: ${refused.map((r) => r.message).join(' ')}` : ''}`,
      });
      setRejecting(false);
      await load();
    } catch (e) {
      toggleNotification({ type: 'danger', message: errorMessage(e) });
    }
  };

  const pendingSummary = overview?.regions.map((r) => `${r.code}: ${r.pending} pending${r.oldestPendingAt ? `, oldest ${waited(r.oldestPendingAt)}` : ''}`).join(' · ');
  const pagination = queue?.meta.pagination;

  return (
    <Page.Main>
      <Page.Title>Moderation</Page.Title>
      <Layouts.Header title="Moderation" subtitle={pendingSummary ?? 'Loading…'} primaryAction={
          <Flex gap={2}>
            <Button variant="secondary" onClick={() => navigate('questions')}>Draft questions</Button>
            <Button variant="secondary" onClick={() => navigate('dashboard')}>Dashboard</Button>
            {canHandlePeople && (
              <Button variant="tertiary" onClick={() => navigate('people')}>
                Personal data requests
              </Button>
            )}
          </Flex>
        }
      />
      <Layouts.Content>
        <Flex direction="column" alignItems="stretch" gap={4}>
          <Tabs.Root value={state} onValueChange={(value: string) => set({ state: value === 'pending' ? undefined : value })}>
            <Tabs.List aria-label="Moderation state">
              {STATES.map((s) => (
                <Tabs.Trigger key={s} value={s}>
                  {STATE_LABELS[s]} ({queue?.meta.counts[s] ?? '…'})
                </Tabs.Trigger>
              ))}
            </Tabs.List>
          </Tabs.Root>

          <Flex gap={2} wrap="wrap" alignItems="flex-end">
            {overview && overview.regions.length > 1 && (
              <FilterSelect label="Region" placeholder="All regions" width="140px" options={Object.fromEntries(overview.regions.map((r) => [r.code, r.code]))} value={params.get('region')} onChange={(v) => set({ region: v })} />
            )}
            <FilterSelect label="Kind" placeholder="All kinds" width="160px" options={KINDS} value={params.get('kind')} onChange={(v) => set({ kind: v })} />
            <FilterSelect label="Stakeholder category" placeholder="All categories" width="220px" options={CATEGORIES} value={params.get('stakeholderCategory')} onChange={(v) => set({ stakeholderCategory: v })} />
            <FilterSelect label="Language" placeholder="All languages" width="140px" options={LANGUAGES} value={params.get('language')} onChange={(v) => set({ language: v })} />
            <Box paddingBottom={2}>
              <Checkbox checked={params.get('flagged') === 'true'} onCheckedChange={(checked: boolean | 'indeterminate') => set({ flagged: checked === true ? 'true' : undefined })}>
                Flagged only
              </Checkbox>
            </Box>
            <Box minWidth="240px">
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  set({ q: search.trim() });
                }}
              >
                <TextInput aria-label="Search" placeholder="Search title, text, organisation, author" value={search} onChange={(e: React.ChangeEvent<HTMLInputElement>) => setSearch(e.target.value)} />
              </form>
            </Box>
            {FILTERS.some((f) => params.get(f)) && (
              <Button
                variant="tertiary"
                onClick={() => {
                  setSearch('');
                  set(Object.fromEntries(FILTERS.map((f) => [f, undefined])));
                }}
              >
                Clear filters
              </Button>
            )}
          </Flex>

          {state === 'pending' && selected.length > 0 && (
            <Flex gap={2}>
              <Typography>{selected.length} selected</Typography>
              <Button variant="success" onClick={() => bulk('approve')}>
                Approve selected
              </Button>
              <Button variant="danger-light" onClick={() => setRejecting(true)}>
                Reject selected
              </Button>
            </Flex>
          )}

          {error ? (
            <Alert variant="danger" title="The queue could not be loaded" closeLabel="Close" action={<Button onClick={() => load()}>Try again</Button>}>
              {error}
            </Alert>
          ) : !queue ? (
            <Flex justifyContent="center" padding={8}>
              <Loader>Loading the queue…</Loader>
            </Flex>
          ) : rows.length === 0 ? (
            <EmptyStateLayout
              content={state === 'pending' ? (Object.keys(query).some((k) => (FILTERS as readonly string[]).includes(k)) ? 'Nothing pending matches these filters.' : 'Nothing is waiting: every submission has been decided.') : `No ${STATE_LABELS[state].toLowerCase()} submissions${Object.keys(query).length > 1 ? ' match these filters' : ''}.`}
            />
          ) : (
            <Table colCount={8} rowCount={rows.length + 1}>
              <Thead>
                <Tr>
                  <Th>
                    {state === 'pending' && (
                      <Checkbox aria-label="Select all" checked={selected.length === rows.length ? true : selected.length ? 'indeterminate' : false} onCheckedChange={(c: boolean | 'indeterminate') => setSelected(c === true ? rows.map((r) => r.documentId) : [])} />
                    )}
                  </Th>
                  <Th><Typography variant="sigma">Submission</Typography></Th>
                  <Th><Typography variant="sigma">{state === 'pending' ? 'Waiting' : 'Decided'}</Typography></Th>
                  <Th><Typography variant="sigma">From</Typography></Th>
                  <Th><Typography variant="sigma">Question</Typography></Th>
                  <Th><Typography variant="sigma">Flags</Typography></Th>
                  <Th><Typography variant="sigma">Files</Typography></Th>
                  <Th><Typography variant="sigma">Region</Typography></Th>
                </Tr>
              </Thead>
              <Tbody>
                {rows.map((row, index) => (
                  <Tr key={row.documentId} onClick={() => open(row.documentId)} style={{ cursor: 'pointer', outline: index === focus ? '2px solid #4945ff' : undefined }} data-testid="queue-row">
                    <Td onClick={(e: React.MouseEvent) => e.stopPropagation()}>
                      {state === 'pending' && (
                        <Checkbox aria-label={`Select ${row.title}`} checked={selected.includes(row.documentId)} onCheckedChange={(c: boolean | 'indeterminate') => setSelected((s) => (c === true ? [...s, row.documentId] : s.filter((id) => id !== row.documentId)))} />
                      )}
                    </Td>
                    <Td style={{ maxWidth: 420, whiteSpace: 'normal' }}>
                      <Typography fontWeight="bold" display="block">{displayText(row.title)}</Typography>
                      <Typography variant="pi" textColor="neutral600" display="block">
                        {KINDS[row.kind] ?? row.kind} · {displayText(row.excerpt).slice(0, 160)}
                      </Typography>
                    </Td>
                    <Td><Typography>{waited(state === 'pending' ? row.createdAt : row.decidedAt ?? row.createdAt)}</Typography></Td>
                    <Td style={{ whiteSpace: 'normal' }}>
                      <Typography display="block">{row.organisation ?? row.authorName}</Typography>
                      <Typography variant="pi" textColor="neutral600" display="block">{row.stakeholderCategory ? CATEGORIES[row.stakeholderCategory] : ''}</Typography>
                    </Td>
                    <Td style={{ maxWidth: 220, whiteSpace: 'normal' }}>
                      <Typography variant="pi" title={row.guidingQuestion?.text}>{row.guidingQuestion ? `Q${row.guidingQuestion.position}: ${row.guidingQuestion.text.slice(0, 60)}…` : ''}</Typography>
                    </Td>
                    <Td><FlagBadges flags={row.screeningFlags} /></Td>
                    <Td><Typography>{row.attachments?.length || ''}</Typography></Td>
                    <Td><Typography>{row.region?.code}</Typography></Td>
                  </Tr>
                ))}
              </Tbody>
            </Table>
          )}

          {pagination && pagination.pageCount > 1 && (
            <Flex gap={2} justifyContent="flex-end">
              <Button variant="tertiary" disabled={pagination.page <= 1} onClick={() => set({ page: String(pagination.page - 1) })}>
                Previous
              </Button>
              <Typography>
                Page {pagination.page} of {pagination.pageCount} ({pagination.total})
              </Typography>
              <Button variant="tertiary" disabled={pagination.page >= pagination.pageCount} onClick={() => set({ page: String(pagination.page + 1) })}>
                Next
              </Button>
            </Flex>
          )}
          <Typography variant="pi" textColor="neutral500">
            Keys: j / k move, Enter opens. In a submission: a approve, r reject, n next.
          </Typography>
        </Flex>
      </Layouts.Content>
      <ReasonDialog open={rejecting} title={`Reject ${selected.length} submission(s)`} confirmLabel="Reject" templates={overview?.rejectionReasons ?? []} onConfirm={(reason) => bulk('reject', reason)} onClose={() => setRejecting(false)} />
    </Page.Main>
  );
};

import { Box, Button, Checkbox, Field, Flex, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { REGIONS } from '../../../../../reference/gcm';
import { useModerationApi, type PhaseOption } from '../api';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { Select } from './Select';

/** The secretariat drafts a guiding question in a phase, in English, and shares it with the region's moderators at once unless told not to. */
export const QuestionDraftForm = ({ onDraft }: { onDraft: (question: { phase: string; text: string; share: boolean; regions: string[] }) => Promise<boolean> }) => {
  const api = useModerationApi();
  const { t } = useT();
  const labels = useLabels();
  const [regions, setRegions] = useState<string[]>([]);
  const [phases, setPhases] = useState<PhaseOption[]>([]);
  const [phase, setPhase] = useState('');
  const [text, setText] = useState('');
  const [share, setShare] = useState(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.phases().then(setPhases, () => setPhases([]));
  }, [api]);

  const ownRegion = phases.find((p) => p.documentId === phase)?.region?.code;
  const submit = async () => {
    setBusy(true);
    if (await onDraft({ phase, text: text.trim(), share, regions: share ? regions.filter((code) => code !== ownRegion) : [] })) setText('');
    setBusy(false);
  };

  return (
    <Box background="neutral0" hasRadius shadow="tableShadow" padding={5} data-testid="question-draft-form">
      <Flex direction="column" alignItems="stretch" gap={3}>
        <Typography variant="delta" tag="h2">
          {t('questions.draftTitle')}
        </Typography>
        <Field.Root name="phase" required>
          <Field.Label>{t('filter.phase')}</Field.Label>
          <Select value={phase || undefined} placeholder={t('questions.choosePhase')} onChange={(v: string | number) => setPhase(String(v))}>
            {phases.map((p) => (
              <SingleSelectOption key={p.documentId} value={p.documentId}>
                {t('filter.phaseOption', { region: p.region?.code ?? '–', phase: p.title })}
              </SingleSelectOption>
            ))}
          </Select>
        </Field.Root>
        <Field.Root name="questionText" required hint={t('questions.textHint')}>
          <Field.Label>{t('questions.text')}</Field.Label>
          {/* Questions are drafted in English; the translations come once it is settled. */}
          <Textarea lang="en" dir="ltr" value={text} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setText(e.target.value)} />
          <Field.Hint />
        </Field.Root>
        <Checkbox checked={share} onCheckedChange={(checked: boolean | 'indeterminate') => setShare(checked === true)}>
          {t('questions.shareNow')}
        </Checkbox>
        {share && (
          <Flex tag="fieldset" direction="column" alignItems="flex-start" gap={2} style={{ border: 0, padding: 0, margin: 0 }}>
            <Typography tag="legend" variant="pi" fontWeight="bold">
              {t('questions.alsoAsk')}
            </Typography>
            <Flex gap={4} wrap="wrap">
              {REGIONS.filter((r) => r.code !== ownRegion).map((r) => (
                <Checkbox key={r.code} checked={regions.includes(r.code)} onCheckedChange={(checked: boolean | 'indeterminate') => setRegions((current) => (checked === true ? [...current, r.code] : current.filter((c) => c !== r.code)))}>
                  {labels.region(r.code)}
                </Checkbox>
              ))}
            </Flex>
          </Flex>
        )}
        <Flex justifyContent="flex-end">
          <Button disabled={!phase || text.trim().length < 10 || busy} loading={busy} onClick={() => void submit()}>
            {t('questions.saveDraft')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

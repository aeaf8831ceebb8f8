import { Box, Button, Checkbox, Field, Flex, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useModerationApi, type PhaseOption } from '../api';
import { useT } from '../i18n';
import { Select } from './Select';

/** The secretariat drafts a guiding question in a phase, in English, and shares it with the region's moderators at once unless told not to. */
export const QuestionDraftForm = ({ onDraft }: { onDraft: (question: { phase: string; text: string; share: boolean }) => Promise<boolean> }) => {
  const api = useModerationApi();
  const { t } = useT();
  const [phases, setPhases] = useState<PhaseOption[]>([]);
  const [phase, setPhase] = useState('');
  const [text, setText] = useState('');
  const [share, setShare] = useState(true);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api.phases().then(setPhases, () => setPhases([]));
  }, [api]);

  const submit = async () => {
    setBusy(true);
    if (await onDraft({ phase, text: text.trim(), share })) setText('');
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
        <Flex justifyContent="flex-end">
          <Button disabled={!phase || text.trim().length < 10 || busy} loading={busy} onClick={() => void submit()}>
            {t('questions.saveDraft')}
          </Button>
        </Flex>
      </Flex>
    </Box>
  );
};

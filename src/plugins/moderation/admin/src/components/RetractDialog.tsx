import { Field, SingleSelectOption } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';
import { useLabels } from '../labels';
import { ReasonDialog } from './ReasonDialog';
import { Select } from './Select';

export type RetractedTo = 'pending' | 'rejected';

/** Taking published submissions down: where they go (to decide again, or rejected) and why. */
export const RetractDialog = ({ open, title, onConfirm, onClose }: { open: boolean; title: string; onConfirm: (to: RetractedTo, reason: string) => Promise<void> | void; onClose: () => void }) => {
  const { t } = useT();
  const labels = useLabels();
  const [to, setTo] = useState<RetractedTo>('pending');
  useEffect(() => {
    if (open) setTo('pending');
  }, [open]);
  return (
    <ReasonDialog open={open} title={title} confirmLabel={t('action.retract')} onConfirm={(reason) => onConfirm(to, reason)} onClose={onClose}>
      <Field.Root name="to">
        <Field.Label>{t('retract.to')}</Field.Label>
        <Select value={to} onChange={(v: string | number) => setTo(v as RetractedTo)}>
          <SingleSelectOption value="pending">{t('retract.toPending')}</SingleSelectOption>
          <SingleSelectOption value="rejected">{labels.state('rejected')}</SingleSelectOption>
        </Select>
      </Field.Root>
    </ReasonDialog>
  );
};

import { Field, SingleSelect, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { FormDialog } from './FormDialog';

type Props = {
  open: boolean;
  title: string;
  confirmLabel: string;
  templates: string[];
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
  children?: React.ReactNode;
};

/** A reason to give: start from a template, edit it freely. The server requires one. */
export const ReasonDialog = ({ open, title, confirmLabel, templates, onConfirm, onClose, children }: Props) => {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) setReason('');
  }, [open]);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
    }
  };
  return (
    <FormDialog open={open} title={title} confirmLabel={confirmLabel} confirmVariant="danger" disabled={!reason.trim()} busy={busy} onConfirm={confirm} onClose={onClose}>
      {children}
      {templates.length > 0 && (
        <Field.Root name="template">
          <Field.Label>Start from a template</Field.Label>
          <SingleSelect placeholder="Choose a reason…" onChange={(value: string | number) => setReason(String(value))} value={templates.includes(reason) ? reason : undefined}>
            {templates.map((t) => (
              <SingleSelectOption key={t} value={t}>
                {t}
              </SingleSelectOption>
            ))}
          </SingleSelect>
        </Field.Root>
      )}
      <Field.Root name="reason" required hint="The author reads this reason in their own list of submissions.">
        <Field.Label>Reason</Field.Label>
        <Textarea aria-label="Reason" value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Typography variant="pi" textColor="neutral600">
        {reason.trim().length}/2000
      </Typography>
    </FormDialog>
  );
};

import { Field, Flex, SingleSelectOption, Textarea, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { directionOf, useT } from '../i18n';
import { useLabels } from '../labels';
import { FormDialog } from './FormDialog';
import { Select } from './Select';

const MAX_REASON = 2000;

type Props = {
  open: boolean;
  title: string;
  confirmLabel: string;
  /** Reason templates per content language; none for a dialog that offers none. */
  templates?: Record<string, string[]>;
  /** The language the author reads: its templates are offered first. */
  language?: string | null;
  /** What the text is called, when it is not a reason (a note asking for edits); and what happens next. */
  label?: string;
  help?: string;
  confirmVariant?: 'default' | 'danger';
  onConfirm: (reason: string) => Promise<void> | void;
  onClose: () => void;
  children?: React.ReactNode;
};

/** A reason to give: start from a template in the author's language, edit it freely. The server requires one. */
export const ReasonDialog = ({ open, title, confirmLabel, templates = {}, language, label, help, confirmVariant = 'danger', onConfirm, onClose, children }: Props) => {
  const { t } = useT();
  const labels = useLabels();
  const initialLanguage = language && templates[language]?.length ? language : 'en';
  const [reason, setReason] = useState('');
  const [templateLanguage, setTemplateLanguage] = useState(initialLanguage);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (open) {
      setReason('');
      setTemplateLanguage(initialLanguage);
    }
  }, [open, initialLanguage]);
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm(reason.trim());
    } finally {
      setBusy(false);
    }
  };
  const offered = templates[templateLanguage] ?? [];
  const languages = Object.keys(templates).filter((code) => templates[code]?.length);
  return (
    <FormDialog open={open} title={title} confirmLabel={confirmLabel} confirmVariant={confirmVariant} disabled={!reason.trim()} busy={busy} onConfirm={confirm} onClose={onClose}>
      {help && <Typography textColor="neutral600">{help}</Typography>}
      {children}
      {languages.length > 0 && (
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="templateLanguage">
            <Field.Label>{t('reason.templateLanguage')}</Field.Label>
            <Select value={templateLanguage} onChange={(value: string | number) => setTemplateLanguage(String(value))}>
              {languages.map((code) => (
                <SingleSelectOption key={code} value={code}>
                  {labels.language(code)}
                </SingleSelectOption>
              ))}
            </Select>
          </Field.Root>
          <Field.Root name="template" flex="1">
            <Field.Label>{t('reason.template')}</Field.Label>
            <Select placeholder={t('reason.templatePlaceholder')} onChange={(value: string | number) => setReason(String(value))} value={offered.includes(reason) ? reason : undefined}>
              {offered.map((template) => (
                <SingleSelectOption key={template} value={template}>
                  <span lang={templateLanguage} dir={directionOf(templateLanguage)}>
                    {template}
                  </span>
                </SingleSelectOption>
              ))}
            </Select>
          </Field.Root>
        </Flex>
      )}
      <Field.Root name="reason" required hint={t('reason.hint')}>
        <Field.Label>{label ?? t('reason.label')}</Field.Label>
        <Textarea dir="auto" value={reason} onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setReason(e.target.value)} />
        <Field.Hint />
      </Field.Root>
      <Typography variant="pi" textColor="neutral600">
        {t('reason.count', { count: reason.trim().length, max: MAX_REASON })}
      </Typography>
    </FormDialog>
  );
};

import { Button, Flex, Modal } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import { directionOf, useT } from '../i18n';

type Props = {
  open: boolean;
  title: string;
  confirmLabel: string;
  confirmVariant?: 'default' | 'danger' | 'success';
  disabled?: boolean;
  busy?: boolean;
  /** For a question with no fields: the confirming button takes the focus, so Enter confirms. */
  confirmFocused?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: React.ReactNode;
};

/**
 * A dialog with fields, Cancel, and one confirming action. It is labelled by its title, and
 * carries the workspace's language and direction itself because it renders outside the root.
 */
export const FormDialog = ({ open, title, confirmLabel, confirmVariant = 'default', disabled, busy, confirmFocused, onConfirm, onClose, children }: Props) => {
  const { t } = useT();
  const { locale } = useIntl();
  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content lang={locale} dir={directionOf(locale)}>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>
          <Flex direction="column" alignItems="stretch" gap={4}>
            {children}
          </Flex>
        </Modal.Body>
        <Modal.Footer>
          <Modal.Close>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Modal.Close>
          <Button variant={confirmVariant} disabled={disabled || busy} loading={busy} onClick={onConfirm} autoFocus={confirmFocused}>
            {confirmLabel}
          </Button>
        </Modal.Footer>
      </Modal.Content>
    </Modal.Root>
  );
};

import { Button, Flex, Modal } from '@strapi/design-system';
import { useT } from '../i18n';
import { WorkspaceDialog } from './WorkspaceDialog';

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

/** A dialog with fields, Cancel, and one confirming action. */
export const FormDialog = ({ open, title, confirmLabel, confirmVariant = 'default', disabled, busy, confirmFocused, onConfirm, onClose, children }: Props) => {
  const { t } = useT();
  return (
    <WorkspaceDialog
      open={open}
      title={title}
      onClose={onClose}
      footer={
        <>
          <Modal.Close>
            <Button variant="tertiary">{t('common.cancel')}</Button>
          </Modal.Close>
          <Button variant={confirmVariant} disabled={disabled || busy} loading={busy} onClick={onConfirm} autoFocus={confirmFocused}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        {children}
      </Flex>
    </WorkspaceDialog>
  );
};

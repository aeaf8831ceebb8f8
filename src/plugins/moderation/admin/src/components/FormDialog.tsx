import { Button, Flex, Modal } from '@strapi/design-system';

type Props = {
  open: boolean;
  title: string;
  confirmLabel: string;
  confirmVariant?: 'default' | 'danger' | 'success';
  disabled?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
  children: React.ReactNode;
};

/** A dialog with fields, Cancel, and one confirming action. */
export const FormDialog = ({ open, title, confirmLabel, confirmVariant = 'default', disabled, busy, onConfirm, onClose, children }: Props) => (
  <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
    <Modal.Content>
      <Modal.Header>
        <Modal.Title>{title}</Modal.Title>
      </Modal.Header>
      <Modal.Body>
        <Flex direction="column" alignItems="stretch" gap={4}>
          {children}
        </Flex>
      </Modal.Body>
      <Modal.Footer>
        <Modal.Close>
          <Button variant="tertiary">Cancel</Button>
        </Modal.Close>
        <Button variant={confirmVariant} disabled={disabled || busy} loading={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </Modal.Footer>
    </Modal.Content>
  </Modal.Root>
);

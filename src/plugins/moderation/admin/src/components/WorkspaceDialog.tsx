import { Modal } from '@strapi/design-system';
import type { ReactNode } from 'react';
import { useIntl } from 'react-intl';
import { directionOf, useT } from '../i18n';

type Props = { open: boolean; title: string; onClose: () => void; children: ReactNode; footer?: ReactNode };

/**
 * The frame of every dialog of the workspace: labelled by its title, with a labelled close button,
 * and in the workspace's language and direction, which it carries itself because it renders
 * outside the workspace's root.
 */
export const WorkspaceDialog = ({ open, title, onClose, children, footer }: Props) => {
  const { t } = useT();
  const { locale } = useIntl();
  return (
    <Modal.Root open={open} onOpenChange={(isOpen: boolean) => !isOpen && onClose()}>
      <Modal.Content lang={locale} dir={directionOf(locale)}>
        <Modal.Header closeLabel={t('common.close')}>
          <Modal.Title>{title}</Modal.Title>
        </Modal.Header>
        <Modal.Body>{children}</Modal.Body>
        {footer && <Modal.Footer>{footer}</Modal.Footer>}
      </Modal.Content>
    </Modal.Root>
  );
};

import { Flex, Typography } from '@strapi/design-system';
import { useT, type MessageKey } from '../i18n';
import { WorkspaceDialog } from './WorkspaceDialog';

const SHORTCUTS: { title: MessageKey; keys: [string, MessageKey][] }[] = [
  {
    title: 'shortcuts.queue',
    keys: [
      ['j', 'shortcuts.down'],
      ['k', 'shortcuts.up'],
      ['Enter', 'shortcuts.open'],
    ],
  },
  {
    title: 'shortcuts.submission',
    keys: [
      ['a', 'shortcuts.approve'],
      ['r', 'shortcuts.reject'],
      ['n', 'shortcuts.next'],
    ],
  },
  { title: 'shortcuts.everywhere', keys: [['?', 'shortcuts.help']] },
];

/** Every single-key shortcut of the workspace, shown on `?`. */
export const ShortcutsDialog = ({ open, onClose }: { open: boolean; onClose: () => void }) => {
  const { t } = useT();
  return (
    <WorkspaceDialog open={open} title={t('shortcuts.title')} onClose={onClose}>
      <Flex direction="column" alignItems="stretch" gap={4}>
        {SHORTCUTS.map((group) => (
          <Flex key={group.title} direction="column" alignItems="stretch" gap={2}>
            <Typography variant="sigma" tag="h3">
              {t(group.title)}
            </Typography>
            <dl style={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '6px 16px', margin: 0 }}>
              {group.keys.map(([key, description]) => (
                <div key={key} style={{ display: 'contents' }}>
                  <dt>
                    <kbd dir="ltr" style={{ fontFamily: 'monospace', border: '1px solid #c0c0cf', borderRadius: 4, padding: '0 6px' }}>
                      {key}
                    </kbd>
                  </dt>
                  <dd style={{ margin: 0 }}>
                    <Typography>{t(description)}</Typography>
                  </dd>
                </div>
              ))}
            </dl>
          </Flex>
        ))}
      </Flex>
    </WorkspaceDialog>
  );
};

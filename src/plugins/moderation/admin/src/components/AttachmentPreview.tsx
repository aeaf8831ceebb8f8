import { Button, Flex, Loader, Typography } from '@strapi/design-system';
import { useEffect, useState } from 'react';
import { errorOf, useModerationApi } from '../api';
import { useErrorText, useT } from '../i18n';
import { WorkspaceDialog } from './WorkspaceDialog';

export type Attachment = { id: number; name: string; mime: string };

/** Shown as pictures of their pages; anything else as its text. */
const PAGED = new Set(['application/pdf', 'image/png', 'image/jpeg', 'image/webp', 'image/gif']);

type View = { kind: 'page'; url: string; page: number; pages: number } | { kind: 'text'; text: string | null; truncated: boolean } | { kind: 'error'; message: string };

/**
 * A look inside an attachment without downloading it: the server renders a PDF's pages (or a
 * picture) as PNG and reads Office files' text, so nothing from the file runs in the workspace.
 */
export const AttachmentPreview = ({ documentId, attachment, onClose }: { documentId: string; attachment: Attachment | null; onClose: () => void }) => {
  const api = useModerationApi();
  const { t } = useT();
  const errorText = useErrorText();
  const [view, setView] = useState<View | null>(null);
  const [asText, setAsText] = useState(false);
  const [page, setPage] = useState(1);

  useEffect(() => {
    setView(null);
    setAsText(false);
    setPage(1);
  }, [attachment]);

  useEffect(() => {
    if (!attachment) return undefined;
    let live = true;
    let url: string | null = null;
    setView(null);
    const load = async (): Promise<View> => {
      if (PAGED.has(attachment.mime) && !asText) {
        const shown = await api.attachmentPage(documentId, attachment.id, page);
        url = URL.createObjectURL(shown.blob);
        // Superseded while it loaded: nobody will show it, so nobody else would free it.
        if (!live) URL.revokeObjectURL(url);
        return { kind: 'page', url, page, pages: shown.pages };
      }
      const { text, truncated } = await api.attachmentText(documentId, attachment.id);
      return { kind: 'text', text, truncated };
    };
    load().then(
      (next) => live && setView(next),
      (e) => live && setView({ kind: 'error', message: errorText(errorOf(e)) }),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [api, documentId, attachment, asText, page, errorText]);

  const paged = attachment ? PAGED.has(attachment.mime) : false;
  return (
    <WorkspaceDialog
      open={attachment !== null}
      title={attachment ? t('files.previewTitle', { name: attachment.name }) : ''}
      onClose={onClose}
      footer={
        paged ? (
          <Flex gap={2} width="100%" justifyContent="space-between">
            <Button variant="tertiary" onClick={() => setAsText((v) => !v)}>
              {t(asText ? 'files.showPages' : 'files.showText')}
            </Button>
            {view?.kind === 'page' && view.pages > 1 && (
              <Flex gap={2}>
                <Button variant="tertiary" disabled={page <= 1} onClick={() => setPage((p) => p - 1)}>
                  {t('pagination.previous')}
                </Button>
                <Typography>{t('files.page', { page: view.page, pages: view.pages })}</Typography>
                <Button variant="tertiary" disabled={page >= view.pages} onClick={() => setPage((p) => p + 1)}>
                  {t('pagination.next')}
                </Button>
              </Flex>
            )}
          </Flex>
        ) : undefined
      }
    >
      {!view && <Loader small>{t('common.loading')}</Loader>}
      {view?.kind === 'error' && <Typography textColor="danger600">{view.message}</Typography>}
      {view?.kind === 'page' && <img src={view.url} alt={t('files.pageImage', { page: view.page, pages: view.pages })} style={{ width: '100%', border: '1px solid #dcdce4' }} data-testid="attachment-page" />}
      {view?.kind === 'text' &&
        (view.text === null ? (
          <Typography textColor="neutral600">{t('files.noText')}</Typography>
        ) : (
          <Flex direction="column" alignItems="stretch" gap={2}>
            {view.truncated && <Typography variant="pi" textColor="neutral600">{t('files.truncated')}</Typography>}
            {/* The file's language is not known: each line finds its own direction. */}
            <pre dir="auto" data-testid="attachment-text" style={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit', maxHeight: '60vh', overflow: 'auto', margin: 0 }}>
              {view.text}
            </pre>
          </Flex>
        ))}
    </WorkspaceDialog>
  );
};

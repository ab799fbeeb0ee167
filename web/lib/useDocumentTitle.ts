import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** “页面 · 目标追踪” in the tab, the history and bookmarks. */
export function useDocumentTitle(page: string | undefined) {
  const { t } = useTranslation();
  const app = t('app.title');
  useEffect(() => {
    document.title = page ? `${page} · ${app}` : app;
  }, [page, app]);
}

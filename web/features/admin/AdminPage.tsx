// 系统管理 (admins): the users and their roles and parks, and the screen links for wall displays.
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ScreensPanel } from './ScreensPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';
import * as pageCss from '../../lib/ui/page.module.css';
import './words.ts';

export default function AdminPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('title'));
  return (
    <div className={pageCss.page}>
      <header className={pageCss.head}><h2 className={pageCss.title}>{t('title')}</h2></header>
      <UsersPanel />
      <ScreensPanel />
    </div>
  );
}

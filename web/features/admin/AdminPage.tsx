// 系统管理 (admins): the users and their roles and parks, and the screen links for wall displays.
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/useDocumentTitle.ts';
import { ScreensPanel } from './ScreensPanel.tsx';
import { UsersPanel } from './UsersPanel.tsx';

export default function AdminPage() {
  const { t } = useTranslation('admin');
  useDocumentTitle(t('title'));
  return (
    <div className="page admin-page">
      <header className="page__head"><h2 className="page__title">{t('title')}</h2></header>
      <UsersPanel />
      <ScreensPanel />
    </div>
  );
}

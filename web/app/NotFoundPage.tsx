import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../lib/ui/States.tsx';
import { useDocumentTitle } from '../lib/useDocumentTitle.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('state.notFound'));
  return (
    <EmptyState title={t('state.notFound')}>
      <p>{t('state.notFoundText')}</p>
      <p><Link to="/">{t('state.backHome')}</Link></p>
    </EmptyState>
  );
}

// The frame of every page: header with the navigation and the language switch, the 示例数据 banner
// when the database holds the generated example, the page, and a footer.
import { Suspense } from 'react';
import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { UserMenu } from '../features/auth/UserMenu.tsx';
import { hasRole } from '../lib/access.ts';
import { sharedSearch } from '../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { setLocale, useLocale } from '../lib/i18n.ts';
import { useMeta } from '../lib/queries.ts';
import { useMe } from '../lib/session.ts';
import { Loading } from '../lib/ui/States.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { ROUTES } from './routes.tsx';

export function Layout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const meta = useMeta();
  const [params] = useSearchParams();
  const location = useLocation();
  const search = sharedSearch(params);
  const me = useMe();
  const nav = ROUTES.filter((r) => r.nav && hasRole(me.data, r.roles)).sort((a, b) => a.nav!.order - b.nav!.order);

  return (
    <>
      <a className="skip-link" href="#main">{t('app.skip')}</a>
      <header className="app-header">
        <div className="app-header__inner">
          <div className="brand">
            <svg className="brand__mark" viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="4" /><circle cx="16" cy="16" r="5" fill="currentColor" /></svg>
            <div>
              <h1 className="app-title">{t('app.title')}</h1>
              <p className="app-subtitle">{t('app.subtitle')}</p>
            </div>
          </div>
          <nav className="app-nav no-print" aria-label={t('nav.label')}>
            {nav.map((r) => (
              <NavLink key={r.path} to={{ pathname: r.path, search }} end={r.nav!.end} className={({ isActive }) => (isActive ? 'app-nav__link is-active' : 'app-nav__link')}>
                {t(r.nav!.label)}
              </NavLink>
            ))}
          </nav>
          <button type="button" className="lang-switch no-print" onClick={() => void setLocale(locale === 'zh' ? 'en' : 'zh')} aria-label={t('app.languageLabel')} lang={locale === 'zh' ? 'en' : 'zh-CN'}>
            {t('app.language')}
          </button>
          <UserMenu />
        </div>
      </header>
      {meta.data?.demo && (
        <div className="demo-banner" role="note" data-demo-banner>
          <strong className="demo-banner__label">{t('demo.banner')}</strong>
          <span>{t('demo.text')}</span>
        </div>
      )}
      <main id="main" className="app-main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className="app-footer">
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

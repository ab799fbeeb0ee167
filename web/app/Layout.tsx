// The frame of every page: header with the navigation and the language switch, the 示例数据 banner
// when the database holds the generated example, the page, and a footer.
import { lazy, Suspense } from 'react';
import { NavLink, Outlet, useLocation, useSearchParams } from 'react-router';
import { hasRole, TASK_ROLES } from '../lib/access.ts';
import { sharedSearch } from '../lib/filters.ts';
import { useTranslation } from 'react-i18next';
import { setLocale, useLocale, withWords } from '../lib/i18n.ts';
import { useMeta, useTasks } from '../lib/queries.ts';
import { useMe } from '../lib/session.ts';
import { Loading } from '../lib/ui/States.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { ROUTES } from './routes.tsx';
import { clsx } from 'clsx';
import * as css from './Layout.module.css';
import * as textCss from '../lib/ui/text.module.css';

// The account corner loads with its words beside the first page, not in it: it waits for
// GET /api/auth/me anyway, and the first page's JavaScript has a budget.
const UserMenu = lazy(() => withWords(() => import('../features/auth/UserMenu.tsx')).then((m) => ({ default: m.UserMenu })));

export function Layout() {
  const { t } = useTranslation();
  const locale = useLocale();
  const meta = useMeta();
  const [params] = useSearchParams();
  const location = useLocation();
  const search = sharedSearch(params);
  const me = useMe();
  const nav = ROUTES.filter((r) => r.nav && hasRole(me.data, r.roles)).sort((a, b) => a.nav!.order - b.nav!.order);
  const tasks = useTasks(hasRole(me.data, TASK_ROLES));
  const taskCount = tasks.data?.length ?? 0;

  return (
    <>
      <a className={css.skipLink} href="#main">{t('app.skip')}</a>
      <header className={css.appHeader}>
        <div className={css.appHeaderInner}>
          <div className={css.brand}>
            <svg className={css.brandMark} viewBox="0 0 32 32" aria-hidden="true"><circle cx="16" cy="16" r="13" fill="none" stroke="currentColor" strokeWidth="4" /><circle cx="16" cy="16" r="5" fill="currentColor" /></svg>
            <div>
              <h1 className={css.appTitle}>{t('app.title')}</h1>
              <p className={css.appSubtitle}>{t('app.subtitle')}</p>
            </div>
          </div>
          <nav className={clsx(css.appNav, 'no-print')} aria-label={t('nav.label')} data-testid="app-nav">
            {nav.map((r) => (
              <NavLink key={r.path} to={{ pathname: r.path, search }} end={r.nav!.end} className={({ isActive }) => (isActive ? clsx(css.appNavLink, css.isActive) : css.appNavLink)}>
                {t(r.nav!.label)}
                {r.path === '/tasks' && taskCount > 0 && (
                  <span className={css.navCount} data-nav-count={taskCount}>
                    <span aria-hidden="true">{taskCount}</span>
                    <span className={textCss.visuallyHidden}>{t('nav.taskCount', { count: taskCount })}</span>
                  </span>
                )}
              </NavLink>
            ))}
          </nav>
          <button type="button" className={clsx(css.langSwitch, 'no-print')} onClick={() => void setLocale(locale === 'zh' ? 'en' : 'zh')} aria-label={t('app.languageLabel')} lang={locale === 'zh' ? 'en' : 'zh-CN'}>
            {t('app.language')}
          </button>
          <Suspense fallback={<span className={css.userMenuSlot} aria-hidden="true" />}>
            <UserMenu />
          </Suspense>
        </div>
      </header>
      {meta.data?.demo && (
        <div className={css.demoBanner} role="note" data-demo-banner>
          <strong className={css.demoBannerLabel}>{t('demo.banner')}</strong>
          <span>{t('demo.text')}</span>
        </div>
      )}
      <main id="main" className={css.appMain} tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
      <footer className={css.appFooter}>
        <p>{t('app.footer')}</p>
      </footer>
    </>
  );
}

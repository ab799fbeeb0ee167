// Every page of the app, in one table: the path, the page, and (for pages in the main navigation) its
// label and place. Pages are code-split: a page's code (with its feature's Chinese words) and ECharts
// load when it is first visited. To add a page: add a line here (its words: web/lib/i18n.ts).
import { lazy, type ReactNode } from 'react';
import { ADMINS, ALL_ROLES, FIGURE_REVIEWERS, REVIEWERS, TASK_ROLES, WRITERS, type RoleT } from '../lib/access.ts';
import { withWords, type WordKey } from '../lib/i18n.ts';
import { RequireRole } from '../lib/ui/RequireRole.tsx';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

const TargetPage = lazy(() => withWords(() => import('../features/targets/TargetPage.tsx')));
const ParksPage = lazy(() => withWords(() => import('../features/parks/ParksPage.tsx')));
const ParkPage = lazy(() => withWords(() => import('../features/parks/ParkPage.tsx')));
const MapPage = lazy(() => withWords(() => import('../features/map/MapPage.tsx')));
const HeatmapPage = lazy(() => withWords(() => import('../features/heatmap/HeatmapPage.tsx')));
const ComparePage = lazy(() => withWords(() => import('../features/compare/ComparePage.tsx')));
// Data entry (signed-in users): each page checks the role; the navigation shows it only to those roles.
const LoginPage = lazy(() => withWords(() => import('../features/auth/LoginPage.tsx')));
const TasksPage = lazy(() => withWords(() => import('../features/rounds/TasksPage.tsx')));
const EntryPickerPage = lazy(() => withWords(() => import('../features/entry/EntryPickerPage.tsx')));
const EntryPage = lazy(() => withWords(() => import('../features/entry/EntryPage.tsx')));
const RegionEntryPage = lazy(() => withWords(() => import('../features/entry/RegionEntryPage.tsx')));
const ImportPage = lazy(() => withWords(() => import('../features/import/ImportPage.tsx')));
const ReviewPage = lazy(() => withWords(() => import('../features/review/ReviewPage.tsx')));
const RoundsPage = lazy(() => withWords(() => import('../features/rounds/RoundsPage.tsx')));
const BoardPage = lazy(() => withWords(() => import('../features/rounds/BoardPage.tsx')));
const AuditPage = lazy(() => withWords(() => import('../features/audit/AuditPage.tsx')));
const AdminPage = lazy(() => withWords(() => import('../features/admin/AdminPage.tsx')));
// Plans and targets from policy texts (reading plans is open; extraction and writes for planners and admins).
const PlansPage = lazy(() => withWords(() => import('../features/plans/PlansPage.tsx')));
const PlanPage = lazy(() => withWords(() => import('../features/plans/PlanPage.tsx')));
const ExtractPage = lazy(() => withWords(() => import('../features/extract/ExtractPage.tsx')));
// The wall display: its own full-window stage, outside the layout (no header, navigation or footer).
const ScreenPage = lazy(() => withWords(() => import('../features/screen/ScreenPage.tsx')));
const only = (roles: readonly RoleT[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** In the main navigation: its label and order (lower first). */
  nav?: { label: WordKey; order: number; end?: boolean };
  /** Only for signed-in users of these roles (the page checks; the navigation hides it from others). */
  roles?: readonly RoleT[];
  /** Rendered on its own, outside the layout (no header, navigation or footer). */
  bare?: boolean;
}

export const ROUTES: AppRoute[] = [
  { path: '/', element: <OverviewPage />, nav: { label: 'nav.overview', order: 10, end: true } },
  { path: '/targets/:id', element: <TargetPage /> },
  { path: '/parks', element: <ParksPage />, nav: { label: 'nav.parks', order: 20, end: true } },
  { path: '/parks/:id', element: <ParkPage /> },
  { path: '/map', element: <MapPage />, nav: { label: 'nav.map', order: 30 } },
  { path: '/heatmap', element: <HeatmapPage />, nav: { label: 'nav.heatmap', order: 40 } },
  { path: '/compare', element: <ComparePage />, nav: { label: 'nav.compare', order: 50 } },
  { path: '/login', element: <LoginPage /> },
  { path: '/tasks', element: only(TASK_ROLES, <TasksPage />), nav: { label: 'nav.tasks', order: 60 }, roles: TASK_ROLES },
  { path: '/entry', element: only(ALL_ROLES, <EntryPickerPage />), nav: { label: 'nav.entry', order: 70 }, roles: WRITERS },
  { path: '/entry/:parkId/:year', element: only(ALL_ROLES, <EntryPage />) },
  { path: '/entry/region/:code/:year', element: only(ALL_ROLES, <RegionEntryPage />) },
  { path: '/import', element: only(WRITERS, <ImportPage />), nav: { label: 'nav.import', order: 80 }, roles: WRITERS },
  { path: '/review', element: only(FIGURE_REVIEWERS, <ReviewPage />), nav: { label: 'nav.review', order: 90 }, roles: FIGURE_REVIEWERS },
  { path: '/rounds', element: only(ALL_ROLES, <RoundsPage />), nav: { label: 'nav.rounds', order: 100 }, roles: FIGURE_REVIEWERS },
  { path: '/rounds/:id', element: only(ALL_ROLES, <BoardPage />) },
  { path: '/audit', element: only(REVIEWERS, <AuditPage />), nav: { label: 'nav.audit', order: 110 }, roles: REVIEWERS },
  { path: '/admin', element: only(ADMINS, <AdminPage />), nav: { label: 'nav.admin', order: 120 }, roles: ADMINS },
  { path: '/screen/:token', element: <ScreenPage />, bare: true },
  { path: '/plans', element: <PlansPage />, nav: { label: 'nav.plans', order: 55 } },
  { path: '/plans/:id', element: <PlanPage /> },
  { path: '/extract', element: only(REVIEWERS, <ExtractPage />), nav: { label: 'nav.extract', order: 85 }, roles: REVIEWERS },
  { path: '*', element: <NotFoundPage /> },
];

// Every page of the app, in one table: the path, the page, and (for pages in the main navigation) its
// label and place. Chart-heavy pages are code-split: their code and ECharts load when first visited.
// To add a page: add a line here (and its words to web/lib/i18n.ts).
import { lazy, type ReactNode } from 'react';
import { ADMINS, ALL_ROLES, REVIEWERS, WRITERS, type RoleT } from '../lib/access.ts';
import type { MessageKey } from '../lib/i18n.ts';
import { RequireRole } from '../lib/ui/RequireRole.tsx';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

const TargetPage = lazy(() => import('../features/targets/TargetPage.tsx'));
const ParksPage = lazy(() => import('../features/parks/ParksPage.tsx'));
const ParkPage = lazy(() => import('../features/parks/ParkPage.tsx'));
const MapPage = lazy(() => import('../features/map/MapPage.tsx'));
const HeatmapPage = lazy(() => import('../features/heatmap/HeatmapPage.tsx'));
const ComparePage = lazy(() => import('../features/compare/ComparePage.tsx'));
// Data entry (signed-in users): each page checks the role; the navigation shows it only to those roles.
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const TasksPage = lazy(() => import('../features/rounds/TasksPage.tsx'));
const EntryPickerPage = lazy(() => import('../features/entry/EntryPickerPage.tsx'));
const EntryPage = lazy(() => import('../features/entry/EntryPage.tsx'));
const ImportPage = lazy(() => import('../features/import/ImportPage.tsx'));
const ReviewPage = lazy(() => import('../features/review/ReviewPage.tsx'));
const RoundsPage = lazy(() => import('../features/rounds/RoundsPage.tsx'));
const BoardPage = lazy(() => import('../features/rounds/BoardPage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const AdminPage = lazy(() => import('../features/admin/AdminPage.tsx'));
// Plans and targets from policy texts (reading plans is open; extraction and writes for planners and admins).
const PlansPage = lazy(() => import('../features/plans/PlansPage.tsx'));
const PlanPage = lazy(() => import('../features/plans/PlanPage.tsx'));
const ExtractPage = lazy(() => import('../features/extract/ExtractPage.tsx'));
// The wall display: its own full-window stage, outside the layout (no header, navigation or footer).
const ScreenPage = lazy(() => import('../features/screen/ScreenPage.tsx'));
const only = (roles: readonly RoleT[], page: ReactNode) => <RequireRole roles={roles}>{page}</RequireRole>;

export interface AppRoute {
  path: string;
  element: ReactNode;
  /** In the main navigation: its label and order (lower first). */
  nav?: { label: MessageKey; order: number; end?: boolean };
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
  { path: '/tasks', element: only(WRITERS, <TasksPage />), nav: { label: 'rounds.tasks.nav', order: 60 }, roles: ['park_manager'] },
  { path: '/entry', element: only(ALL_ROLES, <EntryPickerPage />), nav: { label: 'entry.nav', order: 70 }, roles: WRITERS },
  { path: '/entry/:parkId/:year', element: only(ALL_ROLES, <EntryPage />) },
  { path: '/import', element: only(WRITERS, <ImportPage />), nav: { label: 'import.nav', order: 80 }, roles: WRITERS },
  { path: '/review', element: only(REVIEWERS, <ReviewPage />), nav: { label: 'review.nav', order: 90 }, roles: REVIEWERS },
  { path: '/rounds', element: only(ALL_ROLES, <RoundsPage />), nav: { label: 'rounds.nav', order: 100 }, roles: REVIEWERS },
  { path: '/rounds/:id', element: only(ALL_ROLES, <BoardPage />) },
  { path: '/audit', element: only(REVIEWERS, <AuditPage />), nav: { label: 'audit.nav', order: 110 }, roles: REVIEWERS },
  { path: '/admin', element: only(ADMINS, <AdminPage />), nav: { label: 'admin.nav', order: 120 }, roles: ADMINS },
  { path: '/screen/:token', element: <ScreenPage />, bare: true },
  { path: '/plans', element: <PlansPage />, nav: { label: 'plans.nav', order: 55 } },
  { path: '/plans/:id', element: <PlanPage /> },
  { path: '/extract', element: only(REVIEWERS, <ExtractPage />), nav: { label: 'extract.nav', order: 85 }, roles: REVIEWERS },
  { path: '*', element: <NotFoundPage /> },
];

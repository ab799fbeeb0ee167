// The app shell: server state (react-query), the router with its pages (routes.tsx), the layout.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { ApiError } from '../lib/api.ts';
import { Layout } from './Layout.tsx';
import { ROUTES } from './routes.tsx';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A 4xx will not get better by asking again; network trouble and 5xx get two more tries.
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <Routes>
          {ROUTES.filter((r) => r.bare).map((r) => <Route key={r.path} path={r.path} element={<Suspense fallback={null}>{r.element}</Suspense>} />)}
          <Route element={<Layout />}>
            {ROUTES.filter((r) => !r.bare).map((r) => <Route key={r.path} path={r.path} element={r.element} />)}
          </Route>
        </Routes>
      </BrowserRouter>
    </QueryClientProvider>
  );
}

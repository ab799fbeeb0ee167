// The app shell: server state (react-query), the header, and the page.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { OverviewPage } from '../features/overview/OverviewPage.tsx';
import { ApiError } from '../lib/api.ts';

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
      <header className="app-header">
        <div className="app-header__inner">
          <h1 className="app-title">目标追踪 · 高新区政策目标进展</h1>
          <p className="app-subtitle" lang="en">Policy targets for high-tech industrial zones, and how far each has come</p>
        </div>
      </header>
      <main className="app-main">
        <OverviewPage />
      </main>
    </QueryClientProvider>
  );
}

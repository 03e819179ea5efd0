import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { useEffect } from 'react';
import { router } from './router';
import { session } from '@/lib/session';
import { queryClient } from '@/lib/query-client';

export function App() {
  useEffect(() => {
    // A reload keeps nothing in memory: the refresh cookie brings the session back, silently.
    void session.refresh();
  }, []);
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}

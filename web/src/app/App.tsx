import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { ApiProblem } from '@/api/problem';
import { ToastProvider } from '@/components/ui';
import { createRouter } from './router';

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A 4xx will not change by asking again; a network blip or a 5xx might.
        retry: (count, error) =>
          !(error instanceof ApiProblem && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

export function App({ customDomain }: { customDomain: boolean }) {
  const [queryClient] = useState(makeQueryClient);
  const [router] = useState(() => createRouter(customDomain));
  return (
    <QueryClientProvider client={queryClient}>
      <ToastProvider>
        <RouterProvider router={router} />
      </ToastProvider>
    </QueryClientProvider>
  );
}

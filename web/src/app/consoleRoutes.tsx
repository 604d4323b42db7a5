import { Navigate, type RouteObject } from 'react-router';
import { ApiKeysPage } from '@/features/api-keys/ApiKeysPage';
import { ClientDetailPage } from '@/features/clients/ClientDetailPage';
import { ClientsPage } from '@/features/clients/ClientsPage';
import { EditClientPage } from '@/features/clients/EditClientPage';
import { NewClientPage } from '@/features/clients/NewClientPage';
import { BrandingPage } from '@/features/settings/BrandingPage';
import { TeamPage } from '@/features/team/TeamPage';

/** The console's pages under `/app` (inside the console shell). */
export const consoleRoutes: RouteObject[] = [
  { path: 'clients', element: <ClientsPage /> },
  { path: 'clients/new', element: <NewClientPage /> },
  { path: 'clients/:id', element: <ClientDetailPage /> },
  { path: 'clients/:id/edit', element: <EditClientPage /> },
  { path: 'settings', element: <Navigate to="/app/settings/branding" replace /> },
  { path: 'settings/branding', element: <BrandingPage /> },
  { path: 'settings/api-keys', element: <ApiKeysPage /> },
  { path: 'settings/team', element: <TeamPage /> },
];

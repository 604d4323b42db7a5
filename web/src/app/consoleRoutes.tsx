import { Navigate, type RouteObject } from 'react-router';
import { ApiKeysPage } from '@/features/api-keys/ApiKeysPage';
import { AppointmentDetailPage } from '@/features/appointments/AppointmentDetailPage';
import { AppointmentsPage } from '@/features/appointments/AppointmentsPage';
import { NewAppointmentPage } from '@/features/appointments/NewAppointmentPage';
import { ProfilePage } from '@/features/console/ProfilePage';
import { ContractDetailPage } from '@/features/billing/contracts/ContractDetailPage';
import { EditContractPage, NewContractPage } from '@/features/billing/contracts/ContractFormPages';
import { ContractsPage } from '@/features/billing/contracts/ContractsPage';
import { InvoiceDetailPage } from '@/features/billing/invoices/InvoiceDetailPage';
import { EditInvoicePage, NewInvoicePage } from '@/features/billing/invoices/InvoiceFormPages';
import { InvoicesPage } from '@/features/billing/invoices/InvoicesPage';
import { QuoteDetailPage } from '@/features/billing/quotes/QuoteDetailPage';
import { EditQuotePage, NewQuotePage } from '@/features/billing/quotes/QuoteFormPages';
import { QuoteRevisionPage } from '@/features/billing/quotes/QuoteRevisionPage';
import { QuotesPage } from '@/features/billing/quotes/QuotesPage';
import { BillingSettingsPage } from '@/features/billing/settings/BillingSettingsPage';
import { BookingSettingsPage } from '@/features/booking-settings/BookingSettingsPage';
import { ClientDetailPage } from '@/features/clients/ClientDetailPage';
import { ClientsPage } from '@/features/clients/ClientsPage';
import { EditClientPage } from '@/features/clients/EditClientPage';
import { NewClientPage } from '@/features/clients/NewClientPage';
import { FormEditorPage } from '@/features/forms/FormEditorPage';
import { FormsPage } from '@/features/forms/FormsPage';
import { FormSubmissionsPage } from '@/features/forms/FormSubmissionsPage';
import { ProductDetailPage } from '@/features/products/ProductDetailPage';
import { ProductsPage } from '@/features/products/ProductsPage';
import { NewProjectPage } from '@/features/projects/NewProjectPage';
import { ProjectDetailPage } from '@/features/projects/ProjectDetailPage';
import { ProjectsPage } from '@/features/projects/ProjectsPage';
import { ReviewsPage } from '@/features/reviews/ReviewsPage';
import { EditOrderPage } from '@/features/service-orders/EditOrderPage';
import { NewOrderPage } from '@/features/service-orders/NewOrderPage';
import { OrderDetailPage } from '@/features/service-orders/OrderDetailPage';
import { OrdersPage } from '@/features/service-orders/OrdersPage';
import { BrandingPage } from '@/features/settings/BrandingPage';
import { TeamPage } from '@/features/team/TeamPage';
import { WebhookDetailPage } from '@/features/webhooks/WebhookDetailPage';
import { WebhooksPage } from '@/features/webhooks/WebhooksPage';

/** The console's pages under `/app` (inside the console shell). */
export const consoleRoutes: RouteObject[] = [
  { path: 'profile', element: <ProfilePage /> },
  { path: 'clients', element: <ClientsPage /> },
  { path: 'clients/new', element: <NewClientPage /> },
  { path: 'clients/:id', element: <ClientDetailPage /> },
  { path: 'clients/:id/edit', element: <EditClientPage /> },
  { path: 'appointments', element: <AppointmentsPage /> },
  { path: 'appointments/new', element: <NewAppointmentPage /> },
  { path: 'appointments/:id', element: <AppointmentDetailPage /> },
  { path: 'orders', element: <OrdersPage /> },
  { path: 'orders/new', element: <NewOrderPage /> },
  { path: 'orders/:id', element: <OrderDetailPage /> },
  { path: 'orders/:id/edit', element: <EditOrderPage /> },
  { path: 'projects', element: <ProjectsPage /> },
  { path: 'projects/new', element: <NewProjectPage /> },
  // The tabs (tasks, files, messages…) are sub-routes, so each one has its own address.
  { path: 'projects/:id/*', element: <ProjectDetailPage /> },
  { path: 'quotes', element: <QuotesPage /> },
  { path: 'quotes/new', element: <NewQuotePage /> },
  { path: 'quotes/:id', element: <QuoteDetailPage /> },
  { path: 'quotes/:id/edit', element: <EditQuotePage /> },
  { path: 'quotes/:id/revisions/:revision', element: <QuoteRevisionPage /> },
  { path: 'contracts', element: <ContractsPage /> },
  { path: 'contracts/new', element: <NewContractPage /> },
  { path: 'contracts/:id', element: <ContractDetailPage /> },
  { path: 'contracts/:id/edit', element: <EditContractPage /> },
  { path: 'invoices', element: <InvoicesPage /> },
  { path: 'invoices/new', element: <NewInvoicePage /> },
  { path: 'invoices/:id', element: <InvoiceDetailPage /> },
  { path: 'invoices/:id/edit', element: <EditInvoicePage /> },
  { path: 'products', element: <ProductsPage /> },
  { path: 'products/:id', element: <ProductDetailPage /> },
  { path: 'reviews', element: <ReviewsPage /> },
  { path: 'forms', element: <FormsPage /> },
  { path: 'forms/new', element: <FormEditorPage /> },
  { path: 'forms/:id', element: <FormEditorPage /> },
  { path: 'forms/:id/submissions', element: <FormSubmissionsPage /> },
  { path: 'settings', element: <Navigate to="/app/settings/branding" replace /> },
  { path: 'settings/branding', element: <BrandingPage /> },
  { path: 'settings/bookings', element: <BookingSettingsPage /> },
  { path: 'settings/billing', element: <BillingSettingsPage /> },
  { path: 'settings/api-keys', element: <ApiKeysPage /> },
  { path: 'settings/webhooks', element: <WebhooksPage /> },
  { path: 'settings/webhooks/:id', element: <WebhookDetailPage /> },
  { path: 'settings/team', element: <TeamPage /> },
];

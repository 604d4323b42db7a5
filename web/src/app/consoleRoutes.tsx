import { Navigate, type RouteObject } from 'react-router';
import { ApiKeysPage } from '@/features/console/api-keys/ApiKeysPage';
import { AppointmentDetailPage } from '@/features/console/appointments/AppointmentDetailPage';
import { AppointmentsPage } from '@/features/console/appointments/AppointmentsPage';
import { NewAppointmentPage } from '@/features/console/appointments/NewAppointmentPage';
import { ProfilePage } from '@/features/console/me/ProfilePage';
import { ContractDetailPage } from '@/features/console/billing/contracts/ContractDetailPage';
import { EditContractPage, NewContractPage } from '@/features/console/billing/contracts/ContractFormPages';
import { ContractsPage } from '@/features/console/billing/contracts/ContractsPage';
import { InvoiceDetailPage } from '@/features/console/billing/invoices/InvoiceDetailPage';
import { EditInvoicePage, NewInvoicePage } from '@/features/console/billing/invoices/InvoiceFormPages';
import { InvoicesPage } from '@/features/console/billing/invoices/InvoicesPage';
import { QuoteDetailPage } from '@/features/console/billing/quotes/QuoteDetailPage';
import { EditQuotePage, NewQuotePage } from '@/features/console/billing/quotes/QuoteFormPages';
import { QuoteRevisionPage } from '@/features/console/billing/quotes/QuoteRevisionPage';
import { QuotesPage } from '@/features/console/billing/quotes/QuotesPage';
import { BillingSettingsPage } from '@/features/console/billing/settings/BillingSettingsPage';
import { BookingSettingsPage } from '@/features/console/booking-settings/BookingSettingsPage';
import { ClientDetailPage } from '@/features/console/clients/ClientDetailPage';
import { ClientsPage } from '@/features/console/clients/ClientsPage';
import { EditClientPage } from '@/features/console/clients/EditClientPage';
import { NewClientPage } from '@/features/console/clients/NewClientPage';
import { FormEditorPage } from '@/features/console/forms/FormEditorPage';
import { FormsPage } from '@/features/console/forms/FormsPage';
import { FormSubmissionsPage } from '@/features/console/forms/FormSubmissionsPage';
import { ProductDetailPage } from '@/features/console/products/ProductDetailPage';
import { ProductsPage } from '@/features/console/products/ProductsPage';
import { NewProjectPage } from '@/features/console/projects/NewProjectPage';
import { ProjectDetailPage } from '@/features/console/projects/ProjectDetailPage';
import { ProjectsPage } from '@/features/console/projects/ProjectsPage';
import { ReviewsPage } from '@/features/console/reviews/ReviewsPage';
import { EditOrderPage } from '@/features/console/service-orders/EditOrderPage';
import { NewOrderPage } from '@/features/console/service-orders/NewOrderPage';
import { OrderDetailPage } from '@/features/console/service-orders/OrderDetailPage';
import { OrdersPage } from '@/features/console/service-orders/OrdersPage';
import { BrandingPage } from '@/features/console/tenant/BrandingPage';
import { TeamPage } from '@/features/console/staff/TeamPage';
import { TemplatesPage } from '@/features/console/templates/TemplatesPage';
import { WebhookDetailPage } from '@/features/console/webhooks/WebhookDetailPage';
import { WebhooksPage } from '@/features/console/webhooks/WebhooksPage';

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
  { path: 'settings/templates', element: <TemplatesPage /> },
];

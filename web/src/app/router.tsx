import { createBrowserRouter, type RouteObject } from 'react-router';
import { HomePage as ConsoleHomePage } from '@/features/console/home/HomePage';
import { ConsoleShell } from '@/features/console/me/ConsoleShell';
import { ConsoleLinkPage, ConsoleLoginPage } from '@/features/console/me/LoginPage';
import { DashboardPage } from '@/features/portal/me/DashboardPage';
import { AppointmentPage } from '@/features/portal/appointments/AppointmentPage';
import { AppointmentsPage } from '@/features/portal/appointments/AppointmentsPage';
import { PublicReviews } from '@/features/portal/appointments/PublicReviews';
import { ReviewsPage } from '@/features/portal/appointments/ReviewsPage';
import { BookingsSummary } from '@/features/portal/appointments/BookingsSummary';
import { OrderPage } from '@/features/portal/service-orders/OrderPage';
import { OrdersPage } from '@/features/portal/service-orders/OrdersPage';
import { PortalLinkPage, PortalLoginPage } from '@/features/portal/me/LoginPage';
import { ContractPage } from '@/features/portal/billing/contracts/ContractPage';
import { ContractsPage } from '@/features/portal/billing/contracts/ContractsPage';
import { InvoicePage } from '@/features/portal/billing/invoices/InvoicePage';
import { InvoicesPage } from '@/features/portal/billing/invoices/InvoicesPage';
import { MoneySummary } from '@/features/portal/billing/MoneySummary';
import { QuotePage } from '@/features/portal/billing/quotes/QuotePage';
import { QuoteRevisionPage } from '@/features/portal/billing/quotes/QuoteRevisionPage';
import { QuotesPage } from '@/features/portal/billing/quotes/QuotesPage';
import { DeliverablesPage } from '@/features/portal/projects/DeliverablesPage';
import { DownloadsPage } from '@/features/portal/projects/DownloadsPage';
import { FilesPage } from '@/features/portal/projects/FilesPage';
import { MessagesPage } from '@/features/portal/projects/MessagesPage';
import { ProjectPage } from '@/features/portal/projects/ProjectPage';
import { ProjectsPage } from '@/features/portal/projects/ProjectsPage';
import { ProjectsSummary } from '@/features/portal/projects/ProjectsSummary';
import { ThreadPage } from '@/features/portal/projects/ThreadPage';
import { TimePage } from '@/features/portal/projects/TimePage';
import { NotificationBell } from '@/features/portal/notifications/NotificationBell';
import { NotificationsPage } from '@/features/portal/notifications/NotificationsPage';
import { PublicFormPage } from '@/features/portal/forms/PublicFormPage';
import { BookPage } from '@/features/portal/booking/BookPage';
import { PublicBookingPage } from '@/features/booking/PublicBookingPage';
import { PortalRoot } from '@/features/portal/me/PortalRoot';
import { PortalShell } from '@/features/portal/me/PortalShell';
import { ProfilePage } from '@/features/portal/me/ProfilePage';
import { ViewAsPage } from '@/features/portal/me/ViewAsPage';
import { consoleRoutes } from './consoleRoutes';
import { HomePage } from './HomePage';
import { NotFoundPage } from './NotFoundPage';

/** The portal's pages, mounted at `/portal/:slug` or, on a tenant's own domain, at `/`. */
function portalChildren(): RouteObject[] {
  return [
    { path: 'login', element: <PortalLoginPage below={<PublicReviews />} /> },
    { path: 'login/link', element: <PortalLinkPage /> },
    { path: 'view-as', element: <ViewAsPage /> },
    // Public: a visitor fills it in without an account.
    { path: 'forms/:form', element: <PublicFormPage /> },
    {
      element: <PortalShell bell={<NotificationBell />} />,
      children: [
        {
          index: true,
          element: (
            <DashboardPage
              money={<MoneySummary />}
              projects={<ProjectsSummary />}
              summary={<BookingsSummary />}
            />
          ),
        },
        { path: 'book', element: <BookPage /> },
        { path: 'appointments', element: <AppointmentsPage /> },
        { path: 'appointments/:id', element: <AppointmentPage /> },
        { path: 'reviews', element: <ReviewsPage /> },
        { path: 'orders', element: <OrdersPage /> },
        { path: 'orders/:id', element: <OrderPage /> },
        { path: 'projects', element: <ProjectsPage /> },
        { path: 'projects/:id', element: <ProjectPage /> },
        { path: 'projects/:id/deliverables', element: <DeliverablesPage /> },
        { path: 'projects/:id/files', element: <FilesPage /> },
        { path: 'projects/:id/messages', element: <MessagesPage /> },
        { path: 'projects/:id/messages/:threadId', element: <ThreadPage /> },
        { path: 'projects/:id/time', element: <TimePage /> },
        { path: 'quotes', element: <QuotesPage /> },
        { path: 'quotes/:id', element: <QuotePage /> },
        { path: 'quotes/:id/revisions/:revision', element: <QuoteRevisionPage /> },
        { path: 'contracts', element: <ContractsPage /> },
        { path: 'contracts/:id', element: <ContractPage /> },
        { path: 'invoices', element: <InvoicesPage /> },
        { path: 'invoices/:id', element: <InvoicePage /> },
        { path: 'downloads', element: <DownloadsPage /> },
        { path: 'notifications', element: <NotificationsPage /> },
        { path: 'profile', element: <ProfilePage /> },
        { path: '*', element: <NotFoundPage home="." /> },
      ],
    },
  ];
}

/** Booking without an account, for anyone: outside the portal, no session. */
const publicBooking: RouteObject[] = [
  { path: '/book/:slug', element: <PublicBookingPage /> },
  { path: '/book/:slug/:serviceId', element: <PublicBookingPage /> },
];

const console: RouteObject[] = [
  { path: '/app/login', element: <ConsoleLoginPage /> },
  { path: '/app/login/link', element: <ConsoleLinkPage /> },
  {
    path: '/app',
    element: <ConsoleShell />,
    children: [
      { index: true, element: <ConsoleHomePage /> },
      ...consoleRoutes,
      { path: '*', element: <NotFoundPage home="/app" /> },
    ],
  },
];

/** `customDomain`: this host is a tenant's own domain, so its portal lives at `/`. */
export function createRouter(customDomain: boolean) {
  const routes: RouteObject[] = customDomain
    ? [
        ...console,
        ...publicBooking,
        { path: '/', element: <PortalRoot byHost />, children: portalChildren() },
      ]
    : [
        ...console,
        ...publicBooking,
        { path: '/portal/:slug', element: <PortalRoot />, children: portalChildren() },
        { path: '/', element: <HomePage /> },
        { path: '*', element: <NotFoundPage /> },
      ];
  return createBrowserRouter(routes);
}

import { Link } from 'react-router';

export function NotFoundPage({ home = '/' }: { home?: string }) {
  return (
    <main className="flex min-h-[60dvh] items-center justify-center p-6">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">404</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">This page does not exist</h1>
        <p className="mt-3 text-slate-600">The address may be mistyped, or the page has moved.</p>
        <Link
          to={home}
          className="mt-6 inline-block font-semibold text-brand-ink underline underline-offset-2"
        >
          Go to the start page
        </Link>
      </div>
    </main>
  );
}

export function PortalNotFound({ slug }: { slug?: string }) {
  return (
    <main className="flex min-h-dvh items-center justify-center p-6">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <p className="text-sm font-semibold uppercase tracking-wide text-slate-600">Portal not found</p>
        <h1 className="mt-2 text-2xl font-semibold text-slate-900">We couldn’t find this portal</h1>
        <p className="mt-3 text-slate-600">
          {slug ? (
            <>
              There is no client portal at <strong className="text-slate-900">/portal/{slug}</strong>.{' '}
            </>
          ) : null}
          Check the link in the email from your business, or ask them for the right address.
        </p>
      </div>
    </main>
  );
}

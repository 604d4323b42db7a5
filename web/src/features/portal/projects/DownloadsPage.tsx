import { messageOf } from '@/api/problem';
import { EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useProducts } from './api';
import { DownloadButton } from './DownloadButton';
import { formatBytes } from '@/lib/format';
import { MarkdownView } from '@/components/Markdown';

/** `/downloads`: the digital products the client holds, each ready to download. */
export function DownloadsPage() {
  const { slug, branding } = usePortal();
  const format = usePortalFormat();
  const products = useProducts(slug);

  return (
    <div className="max-w-3xl">
      <PageHeader
        title="Downloads"
        description={`Digital products from ${branding.name}, yours to download whenever you need them.`}
      />
      {products.isPending ? (
        <Loading label="Loading your downloads…" />
      ) : products.isError ? (
        <ErrorState message={messageOf(products.error)} onRetry={() => void products.refetch()} />
      ) : products.data.items.length === 0 ? (
        <EmptyState title="No downloads yet">
          When you get a digital product from {branding.name} — a template, a guide, a kit — it appears here
          to download.
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {products.data.items.map((p) => (
            <li
              key={p.id}
              className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:flex-row sm:items-start sm:justify-between"
            >
              <div className="min-w-0">
                <h2 className="font-semibold break-words text-slate-900">{p.name}</h2>
                {p.description && <MarkdownView text={p.description} className="mt-1 text-slate-700" />}
                <p className="mt-1 text-sm text-slate-600">
                  Yours since {format.dateTime(p.granted_at)}
                  {p.file && ` · ${p.file.name}, ${formatBytes(p.file.size, branding.locale)}`}
                </p>
              </div>
              {p.file ? (
                <DownloadButton fileId={p.file.id} name={p.file.name} />
              ) : (
                <p className="text-sm text-slate-600">Not ready to download yet.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

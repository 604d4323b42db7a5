import { messageOf } from '@/api/problem';
import { EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useProducts } from './api';
import { DownloadButton } from './DownloadButton';
import { formatBytes } from '@/lib/format';
import { MarkdownView } from '@/components/Markdown';

/** `/downloads`: the digital products the client holds, each ready to download. */
export function DownloadsPage() {
  const t = useT();
  const { slug, branding } = usePortal();
  const format = usePortalFormat();
  const products = useProducts(slug);

  return (
    <div className="max-w-3xl">
      <PageHeader
        title={t('portalProjectsFiles.downloads.title')}
        description={t('portalProjectsFiles.downloads.description', { business: branding.name })}
      />
      {products.isPending ? (
        <Loading label={t('portalProjectsFiles.downloads.loading')} />
      ) : products.isError ? (
        <ErrorState message={messageOf(products.error)} onRetry={() => void products.refetch()} />
      ) : products.data.items.length === 0 ? (
        <EmptyState title={t('portalProjectsFiles.downloads.empty')}>
          {t('portalProjectsFiles.downloads.emptyText', { business: branding.name })}
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
                  {p.file
                    ? t('portalProjectsFiles.downloads.yoursSinceFile', {
                        date: format.dateTime(p.granted_at),
                        file: p.file.name,
                        size: formatBytes(p.file.size, format.locale),
                      })
                    : t('portalProjectsFiles.downloads.yoursSince', { date: format.dateTime(p.granted_at) })}
                </p>
              </div>
              {p.file ? (
                <DownloadButton fileId={p.file.id} name={p.file.name} />
              ) : (
                <p className="text-sm text-slate-600">{t('portalProjectsFiles.downloads.notReady')}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

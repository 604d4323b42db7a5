import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '@/api/problem';
import { Alert, Button, Card, ConfirmButton, Loading, useToast } from '@/components/ui';
import { formatDateTime } from '@/lib/format';
import { useT } from '@/lib/i18n/hooks';
import { usePortal, usePortalFormat } from '@/lib/portal';
import { useClientZone } from '@/lib/portal-zone';
import { makeCalendarFeed, stopCalendarFeed, useCalendarFeed, webcal } from './api';

/**
 * The client's appointments in their own calendar app: a private subscription URL, shown once
 * when made (it lives only in this component's state, never in the query cache).
 */
export function CalendarFeedCard({ readOnly }: { readOnly: boolean }) {
  const t = useT();
  const { slug } = usePortal();
  const { locale } = usePortalFormat();
  const { zone } = useClientZone();
  const feed = useCalendarFeed(slug);
  const queryClient = useQueryClient();
  const toast = useToast();
  const [url, setUrl] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (url) box.current?.focus();
  }, [url]);

  const make = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await makeCalendarFeed();
      queryClient.setQueryData(['portal', slug, 'calendar-feed'], { ...made, url: null });
      setUrl(made.url ?? null);
    } catch (e) {
      setError(messageOf(e));
      throw e;
    } finally {
      setBusy(false);
    }
  };
  const stop = async () => {
    setError(null);
    try {
      await stopCalendarFeed();
      setUrl(null);
      queryClient.setQueryData(['portal', slug, 'calendar-feed'], { active: false });
      toast(t('portalMe.feedStopped'));
    } catch (e) {
      setError(messageOf(e));
      throw e;
    }
  };
  const copy = async () => {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      toast(t('portalMe.feedCopied'));
    } catch {
      toast(t('portalMe.feedCopyFailed'), 'error');
    }
  };
  const when = (iso: string | null | undefined) => formatDateTime(iso, locale, zone);

  return (
    <Card title={t('portalMe.feedTitle')}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t('portalMe.feedText')}</p>
        {error && <Alert tone="error">{error}</Alert>}
        {feed.isPending ? (
          <Loading />
        ) : feed.isError ? (
          <Alert tone="error">{messageOf(feed.error)}</Alert>
        ) : (
          <>
            {url && (
              <div
                ref={box}
                tabIndex={-1}
                className="space-y-3 rounded-xl border-2 border-amber-400 bg-amber-50 p-4"
              >
                <p className="font-medium text-amber-950">{t('portalMe.feedOnce')}</p>
                <code
                  data-testid="calendar-feed-url"
                  className="block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
                >
                  {url}
                </code>
                <div className="flex flex-wrap gap-2">
                  <Button onClick={() => void copy()}>{t('portalMe.feedCopy')}</Button>
                  <a
                    href={webcal(url)}
                    className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 bg-white px-4 py-2 text-sm font-semibold text-slate-800 shadow-sm hover:bg-slate-50"
                  >
                    {t('portalMe.feedOpen')}
                  </a>
                  <Button variant="ghost" onClick={() => setUrl(null)}>
                    {t('portalMe.feedDone')}
                  </Button>
                </div>
              </div>
            )}
            {feed.data.active ? (
              <>
                <p className="text-sm text-slate-700">
                  {feed.data.last_used_at
                    ? t('portalMe.feedActiveUsed', {
                        since: when(feed.data.created_at),
                        used: when(feed.data.last_used_at),
                      })
                    : t('portalMe.feedActive', { since: when(feed.data.created_at) })}
                </p>
                {!readOnly && (
                  <div className="flex flex-wrap gap-2">
                    <ConfirmButton
                      label={t('portalMe.feedRenew')}
                      question={t('portalMe.feedRenewQuestion')}
                      confirmLabel={t('portalMe.feedRenewConfirm')}
                      tone="primary"
                      busy={busy}
                      onConfirm={make}
                    />
                    <ConfirmButton
                      label={t('portalMe.feedStop')}
                      question={t('portalMe.feedStopQuestion')}
                      confirmLabel={t('portalMe.feedStopConfirm')}
                      onConfirm={stop}
                    />
                  </div>
                )}
              </>
            ) : (
              !readOnly && (
                <Button busy={busy} onClick={() => void make().catch(() => undefined)}>
                  {t('portalMe.feedMake')}
                </Button>
              )
            )}
          </>
        )}
      </div>
    </Card>
  );
}

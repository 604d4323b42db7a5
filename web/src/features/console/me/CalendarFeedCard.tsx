import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { messageOf } from '@/api/problem';
import { secondaryLink } from '@/components/styles';
import { Alert, Button, Card, ConfirmButton, Spinner, useToast } from '@/components/ui';
import { useFormatDate } from '@/lib/console-queries';
import { useT } from '@/lib/i18n/hooks';
import {
  feedKey,
  makeCalendarFeed,
  stopCalendarFeed,
  useCalendarFeed,
  type CalendarFeed,
} from './profile-api';

/** The same address for calendar apps that open `webcal:` links. */
function webcalOf(url: string): string {
  return url.replace(/^https?:/, 'webcal:');
}

/**
 * A private subscription URL of your own appointments, for your calendar app. The URL exists
 * in the browser only in the answer that makes it: shown once, then gone from the page.
 */
export function CalendarFeedCard() {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const formatDate = useFormatDate();
  const feed = useCalendarFeed();
  // The URL just made; never put in the query cache.
  const [url, setUrl] = useState<string | null>(null);
  const make = useMutation({
    mutationFn: makeCalendarFeed,
    onSuccess: (made) => {
      setUrl(made.url ?? null);
      queryClient.setQueryData<CalendarFeed>(feedKey, { ...made, url: null });
    },
  });
  const stop = useMutation({
    mutationFn: stopCalendarFeed,
    onSuccess: () => {
      setUrl(null);
      queryClient.setQueryData<CalendarFeed>(feedKey, { active: false });
      toast(t('consoleMe.feed.stopped'));
    },
  });

  const status = feed.data;
  return (
    <Card title={t('consoleMe.feed.title')}>
      <div className="space-y-4">
        <p className="text-sm text-slate-700">{t('consoleMe.feed.intro')}</p>
        {feed.isPending ? (
          <Spinner size="sm" label={t('consoleMe.feed.loading')} />
        ) : feed.isError ? (
          <Alert tone="error">{messageOf(feed.error)}</Alert>
        ) : (
          <>
            {url && <NewLink url={url} onDone={() => setUrl(null)} />}
            {status?.active ? (
              <p className="text-sm text-slate-700">
                {t('consoleMe.feed.activeSince', { date: formatDate(status.created_at) })}{' '}
                {status.last_used_at
                  ? t('consoleMe.feed.lastUsed', { date: formatDate(status.last_used_at) })
                  : t('consoleMe.feed.neverUsed')}
              </p>
            ) : (
              <p className="text-sm text-slate-700">{t('consoleMe.feed.none')}</p>
            )}
            {(make.isError || stop.isError) && (
              <Alert tone="error">{messageOf(make.error ?? stop.error)}</Alert>
            )}
            <div className="flex flex-wrap gap-3">
              {status?.active ? (
                <>
                  <ConfirmButton
                    label={t('consoleMe.feed.renew')}
                    question={t('consoleMe.feed.renewQuestion')}
                    confirmLabel={t('consoleMe.feed.renewConfirm')}
                    tone="primary"
                    busy={make.isPending}
                    onConfirm={() => make.mutateAsync()}
                  />
                  <ConfirmButton
                    label={t('consoleMe.feed.stop')}
                    question={t('consoleMe.feed.stopQuestion')}
                    confirmLabel={t('consoleMe.feed.stopConfirm')}
                    busy={stop.isPending}
                    onConfirm={() => stop.mutateAsync()}
                  />
                </>
              ) : (
                <Button busy={make.isPending} onClick={() => make.mutate()}>
                  {t('consoleMe.feed.make')}
                </Button>
              )}
            </div>
          </>
        )}
      </div>
    </Card>
  );
}

/** The link, once: copy it, or open it in the calendar app. */
function NewLink({ url, onDone }: { url: string; onDone: () => void }) {
  const t = useT();
  const toast = useToast();
  const box = useRef<HTMLElement>(null);
  // Keyboard and screen-reader users land on the link at once.
  useEffect(() => box.current?.focus(), [url]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast(t('consoleMe.feed.copied'));
    } catch {
      toast(t('consoleMe.feed.copyFailed'), 'error');
    }
  };
  return (
    <section
      ref={box}
      tabIndex={-1}
      aria-label={t('consoleMe.feed.newLink')}
      className="rounded-xl border-2 border-amber-400 bg-amber-50 p-4"
    >
      <p className="font-medium text-amber-950">{t('consoleMe.feed.shownOnce')}</p>
      <code
        data-testid="feed-url"
        className="mt-3 block rounded-lg border border-amber-300 bg-white px-3 py-2 font-mono text-sm break-all text-slate-900 select-all"
      >
        {url}
      </code>
      <p className="mt-2 text-sm text-amber-950">{t('consoleMe.feed.howTo')}</p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button onClick={() => void copy()}>{t('consoleMe.feed.copy')}</Button>
        <a href={webcalOf(url)} className={secondaryLink}>
          {t('consoleMe.feed.open')}
        </a>
        <Button variant="ghost" onClick={onDone}>
          {t('consoleMe.feed.done')}
        </Button>
      </div>
    </section>
  );
}

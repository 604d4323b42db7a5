import { Link, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Badge, Button, EmptyState, ErrorState, Loading, PageHeader } from '@/components/ui';
import { useT, type Translate } from '@/lib/i18n/hooks';
import { useForm, useFormatDate, useSubmissions, type FormField, type Submission } from './api';

/** What visitors sent through one form, newest first, each with the client or lead it joined. */
export function FormSubmissionsPage() {
  const { id = '' } = useParams();
  const t = useT();
  const form = useForm(id);
  const list = useSubmissions(id);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="max-w-3xl">
      <Link
        to={`/app/forms/${id}`}
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        ← {form.data?.title ?? t('consoleForms.theForm')}
      </Link>
      <PageHeader
        title={t('consoleForms.submissions')}
        description={form.data ? t('consoleForms.sentThrough', { title: form.data.title }) : undefined}
      />
      {list.isPending ? (
        <Loading label={t('consoleForms.loadingSubmissions')} />
      ) : list.isError ? (
        <ErrorState message={messageOf(list.error)} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={t('consoleForms.noSubmissionsTitle')}>
          {t('consoleForms.noSubmissionsBody')}
        </EmptyState>
      ) : (
        <ul className="space-y-3">
          {items.map((s) => (
            <SubmissionCard key={s.id} submission={s} fields={form.data?.fields ?? []} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <Button
          variant="secondary"
          className="mt-4"
          busy={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {t('consoleForms.showOlder')}
        </Button>
      )}
    </div>
  );
}

function answerText(t: Translate, value: unknown): string {
  if (value === true) return t('consoleForms.yes');
  if (value === false) return t('consoleForms.no');
  return String(value ?? '');
}

function SubmissionCard({ submission: s, fields }: { submission: Submission; fields: FormField[] }) {
  const t = useT();
  const format = useFormatDate();
  const data = s.data as Record<string, unknown>;
  // Labels from the form as it is now; an answer to a field since removed keeps its key.
  const label = (key: string) => fields.find((f) => f.key === key)?.label ?? key.replaceAll('_', ' ');
  const keys = Object.keys(data).filter((k) => k !== 'name' && k !== 'email');
  return (
    <li>
      <article className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h2 className="font-semibold text-slate-900">
            <Link to={`/app/clients/${s.client.id}`} className="hover:underline">
              {s.client.name}
            </Link>{' '}
            <span className="font-normal text-slate-600">{s.client.email}</span>
          </h2>
          <div className="flex items-center gap-2">
            {s.client.status === 'lead' && <Badge tone="amber">{t('consoleForms.lead')}</Badge>}
            {s.created_lead && <Badge tone="blue">{t('consoleForms.newLead')}</Badge>}
          </div>
        </div>
        <p className="mt-1 text-sm text-slate-600">
          <time dateTime={s.created_at}>{format(s.created_at)}</time>
        </p>
        {keys.length > 0 && (
          <dl className="mt-3 space-y-2 text-sm">
            {keys.map((k) => (
              <div key={k}>
                <dt className="text-slate-600">{label(k)}</dt>
                <dd className="whitespace-pre-line text-slate-900">{answerText(t, data[k])}</dd>
              </div>
            ))}
          </dl>
        )}
      </article>
    </li>
  );
}

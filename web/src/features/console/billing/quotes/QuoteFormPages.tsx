import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { usePresetClient } from '@/components/presetClient';
import { Alert, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import {
  createQuote,
  updateQuote,
  useQuote,
  useSaved,
  useTenant,
  type CreateQuote,
  type Quote,
  type UpdateQuote,
} from '../api';
import { DocumentForm, type DateField } from '../DocumentForm';
import { changedFields, digitsOf, valuesOf, type DocumentDraft } from '../documentDraft';
import { emptyLine, lineDraftOf } from '@/components/money/lines';
import { QuoteTemplateStart } from './QuoteTemplateStart';
import { useFormatLocale, useT, type Translate } from '@/lib/i18n/hooks';

const quoteDates = (t: Translate): DateField[] => [
  {
    name: 'valid_until',
    label: t('consoleBillingQuotes.col.validUntil'),
    hint: t('consoleBillingQuotes.form.validUntilHint'),
  },
];

/**
 * `/app/quotes/new`: a new quote, saved as a numbered draft; it can start from a template.
 * `?client_id=` (and `?project_id=`) start it for a client (and one of their projects).
 */
export function NewQuotePage() {
  const t = useT();
  const [params] = useSearchParams();
  const preset = usePresetClient(params.get('client_id'));
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const create = useMutation({
    mutationFn: (body: CreateQuote) => createQuote(body),
    onSuccess: (quote) => {
      saved.quote(quote);
      toast(t('consoleBillingQuotes.form.createdToast', { number: quote.number }));
      navigate(`/app/quotes/${quote.id}`);
    },
  });
  const header = (
    <PageHeader
      title={t('consoleBillingQuotes.list.new')}
      description={t('consoleBillingQuotes.form.newDescription')}
    />
  );
  if (tenant.isPending || preset.pending) return <Loading label={t('consoleBillingQuotes.form.loading')} />;
  if (tenant.isError) {
    return (
      <div className="max-w-3xl">
        {header}
        <ErrorState
          title={t('consoleBillingQuotes.form.loadFailed')}
          message={messageOf(tenant.error)}
          onRetry={() => void tenant.refetch()}
        />
      </div>
    );
  }
  const { currency } = tenant.data;
  return (
    <div className="max-w-5xl">
      {header}
      <DocumentForm
        what="quote"
        initial={{
          client: preset.client,
          title: '',
          currency,
          notes: '',
          lines: [emptyLine()],
          dates: { valid_until: '' },
          project: (preset.client && params.get('project_id')) || '',
        }}
        locale={locale}
        forProject
        startFrom={(context) => <QuoteTemplateStart context={context} locale={locale} />}
        dateFields={quoteDates(t)}
        submitLabel={t('consoleBilling.saveDraft')}
        cancelTo="/app/quotes"
        busy={create.isPending}
        error={create.error}
        onSubmit={(v) =>
          create.mutate({
            client_id: v.client_id,
            title: v.title,
            currency: v.currency,
            lines: v.lines,
            notes: v.notes ?? undefined,
            valid_until: v.dates.valid_until ?? undefined,
            project_id: v.project_id ?? undefined,
          })
        }
      />
    </div>
  );
}

/** `/app/quotes/:id/edit`: a draft's changes; anything past draft is revised instead. */
export function EditQuotePage() {
  const t = useT();
  const { id = '' } = useParams();
  const quote = useQuote(id);
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  return (
    <div className="max-w-5xl">
      <Link
        to={`/app/quotes/${id}`}
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        ← {t('consoleBillingQuotes.form.back')}
      </Link>
      {quote.isPending || tenant.isPending ? (
        <Loading label={t('consoleBilling.frame.quoteLoading')} />
      ) : quote.isError || tenant.isError ? (
        <ErrorState
          title={t('consoleBilling.frame.quoteFailed')}
          message={messageOf(quote.error ?? tenant.error)}
          onRetry={() => {
            void quote.refetch();
            void tenant.refetch();
          }}
        />
      ) : (
        <EditQuote key={quote.data.updated_at} quote={quote.data} locale={locale} />
      )}
    </div>
  );
}

function EditQuote({ quote, locale }: { quote: Quote; locale: string }) {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const [initial] = useState<DocumentDraft>(() => ({
    client: { id: quote.client.id, name: quote.client.name },
    title: quote.title,
    currency: quote.currency,
    notes: quote.notes ?? '',
    lines: quote.lines.map((l) => lineDraftOf(l, digitsOf(quote.currency, locale))),
    dates: { valid_until: quote.valid_until },
    project: quote.project_id ?? '',
  }));
  const save = useMutation({
    mutationFn: (body: UpdateQuote) => updateQuote(quote.id, body),
    onSuccess: (updated) => {
      saved.quote(updated);
      toast(t('consoleBillingQuotes.form.savedToast', { number: updated.number }));
      navigate(`/app/quotes/${updated.id}`);
    },
  });
  const title =
    quote.revision > 1
      ? t('consoleBillingQuotes.form.editTitleRevision', {
          number: quote.number,
          revision: String(quote.revision),
        })
      : t('consoleBillingQuotes.form.editTitle', { number: quote.number });
  return (
    <>
      <PageHeader
        title={title}
        description={t('consoleBilling.titleFor', { title: quote.title, name: quote.client.name })}
      />
      {quote.status !== 'draft' ? (
        <Alert tone="info">{t('consoleBillingQuotes.form.notEditable')}</Alert>
      ) : (
        <DocumentForm
          what="quote"
          initial={initial}
          clientLocked
          currencyLocked
          forProject
          locale={locale}
          dateFields={quoteDates(t)}
          submitLabel={t('consoleBilling.saveDraft')}
          cancelTo={`/app/quotes/${quote.id}`}
          busy={save.isPending}
          error={save.error}
          onSubmit={(v) => {
            const c = changedFields(valuesOf(initial, locale), v);
            const body: UpdateQuote = {};
            if (c.title !== undefined) body.title = c.title;
            if (c.notes !== undefined) body.notes = c.notes;
            if (c.lines !== undefined) body.lines = c.lines;
            if (c.project_id !== undefined) body.project_id = c.project_id;
            if ('valid_until' in c.dates && c.dates.valid_until) body.valid_until = c.dates.valid_until;
            if (Object.keys(body).length === 0) navigate(`/app/quotes/${quote.id}`);
            else save.mutate(body);
          }}
        />
      )}
    </>
  );
}

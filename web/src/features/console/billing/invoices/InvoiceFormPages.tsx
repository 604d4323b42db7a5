import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { messageOf } from '@/api/problem';
import { Alert, ErrorState, Loading, PageHeader, useToast } from '@/components/ui';
import {
  createInvoice,
  updateInvoice,
  useInvoice,
  useSaved,
  useTenant,
  type CreateInvoice,
  type Invoice,
  type UpdateInvoice,
} from '../api';
import { DocumentForm, type DateField } from '../DocumentForm';
import { changedFields, digitsOf, valuesOf, type DocumentDraft } from '../documentDraft';
import { emptyLine, lineDraftOf } from '@/components/money/lines';
import { useFormatLocale, useT, type Translate } from '@/lib/i18n/hooks';

const invoiceDates = (t: Translate): DateField[] => [
  {
    name: 'issue_date',
    label: t('consoleBillingInvoices.form.issueDate'),
    hint: t('consoleBillingInvoices.form.issueDateHint'),
  },
  {
    name: 'due_date',
    label: t('consoleBillingInvoices.form.dueDate'),
    hint: t('consoleBillingInvoices.form.dueDateHint'),
  },
];

/** `/app/invoices/new`: a new invoice, saved as a numbered draft. */
export function NewInvoicePage() {
  const t = useT();
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const create = useMutation({
    mutationFn: (body: CreateInvoice) => createInvoice(body),
    onSuccess: (invoice) => {
      saved.invoice(invoice);
      toast(t('consoleBillingInvoices.form.createdToast', { number: invoice.number }));
      navigate(`/app/invoices/${invoice.id}`);
    },
  });
  const header = (
    <PageHeader
      title={t('consoleBillingInvoices.form.newTitle')}
      description={t('consoleBillingInvoices.form.newDescription')}
    />
  );
  if (tenant.isPending) return <Loading label={t('consoleBillingInvoices.form.loading')} />;
  if (tenant.isError) {
    return (
      <div className="max-w-3xl">
        {header}
        <ErrorState
          title={t('consoleBillingInvoices.form.loadFailed')}
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
        what="invoice"
        initial={{
          client: null,
          title: '',
          currency,
          notes: '',
          lines: [emptyLine()],
          dates: { issue_date: '', due_date: '' },
        }}
        locale={locale}
        dateFields={invoiceDates(t)}
        submitLabel={t('consoleBilling.saveDraft')}
        cancelTo="/app/invoices"
        busy={create.isPending}
        error={create.error}
        onSubmit={(v) =>
          create.mutate({
            client_id: v.client_id,
            title: v.title,
            currency: v.currency,
            lines: v.lines,
            notes: v.notes ?? undefined,
            issue_date: v.dates.issue_date ?? undefined,
            due_date: v.dates.due_date ?? undefined,
          })
        }
      />
    </div>
  );
}

/** `/app/invoices/:id/edit`: a draft's changes. */
export function EditInvoicePage() {
  const t = useT();
  const { id = '' } = useParams();
  const invoice = useInvoice(id);
  const tenant = useTenant();
  const locale = useFormatLocale(tenant.data?.locale);
  return (
    <div className="max-w-5xl">
      <Link
        to={`/app/invoices/${id}`}
        className="mb-4 inline-block text-sm font-medium text-slate-700 hover:underline"
      >
        ← {t('consoleBillingInvoices.form.back')}
      </Link>
      {invoice.isPending || tenant.isPending ? (
        <Loading label={t('consoleBilling.frame.invoiceLoading')} />
      ) : invoice.isError || tenant.isError ? (
        <ErrorState
          title={t('consoleBilling.frame.invoiceFailed')}
          message={messageOf(invoice.error ?? tenant.error)}
          onRetry={() => {
            void invoice.refetch();
            void tenant.refetch();
          }}
        />
      ) : (
        <EditInvoice key={invoice.data.updated_at} invoice={invoice.data} locale={locale} />
      )}
    </div>
  );
}

function EditInvoice({ invoice: i, locale }: { invoice: Invoice; locale: string }) {
  const t = useT();
  const navigate = useNavigate();
  const toast = useToast();
  const saved = useSaved();
  const [initial] = useState<DocumentDraft>(() => ({
    client: { id: i.client.id, name: i.client.name },
    title: i.title,
    currency: i.currency,
    notes: i.notes ?? '',
    lines: i.lines.map((l) => lineDraftOf(l, digitsOf(i.currency, locale))),
    dates: { issue_date: i.issue_date, due_date: i.due_date },
  }));
  const save = useMutation({
    mutationFn: (body: UpdateInvoice) => updateInvoice(i.id, body),
    onSuccess: (updated) => {
      saved.invoice(updated);
      toast(t('consoleBillingInvoices.form.savedToast', { number: updated.number }));
      navigate(`/app/invoices/${updated.id}`);
    },
  });
  return (
    <>
      <PageHeader
        title={t('consoleBillingInvoices.form.editTitle', { number: i.number })}
        description={t('consoleBilling.titleFor', { title: i.title, name: i.client.name })}
      />
      {i.status !== 'draft' ? (
        <Alert tone="info">{t('consoleBillingInvoices.form.notEditable')}</Alert>
      ) : (
        <DocumentForm
          what="invoice"
          initial={initial}
          clientLocked
          locale={locale}
          dateFields={invoiceDates(t)}
          submitLabel={t('consoleBilling.saveDraft')}
          cancelTo={`/app/invoices/${i.id}`}
          busy={save.isPending}
          error={save.error}
          onSubmit={(v) => {
            const c = changedFields(valuesOf(initial, locale), v);
            const body: UpdateInvoice = {};
            if (c.title !== undefined) body.title = c.title;
            if (c.currency !== undefined) body.currency = c.currency;
            if (c.notes !== undefined) body.notes = c.notes;
            if (c.lines !== undefined) body.lines = c.lines;
            if (c.dates.issue_date) body.issue_date = c.dates.issue_date;
            if (c.dates.due_date) body.due_date = c.dates.due_date;
            if (Object.keys(body).length === 0) navigate(`/app/invoices/${i.id}`);
            else save.mutate(body);
          }}
        />
      )}
    </>
  );
}

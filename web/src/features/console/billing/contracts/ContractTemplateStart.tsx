import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { labelClass, select } from '@/components/styles';
import { needsOf, renderTemplate, type Template } from '@/components/templates/api';
import { TemplateSelect } from '@/components/templates/TemplateSelect';
import { Alert } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { useClientQuotes } from '../api';
import type { ContractStartContext } from './ContractForm';

/**
 * "Start from a template" on a new contract: once a template and the client are chosen (and
 * a quote of theirs, when the template uses the quote's fields), the template is rendered for
 * them and fills in the title and the text, which stay editable.
 */
export function ContractTemplateStart({ context }: { context: ContractStartContext }) {
  const t = useT();
  const quoteId = useId();
  const { client, fill } = context;
  const [template, setTemplate] = useState<Template | null>(null);
  const [quote, setQuote] = useState('');
  const [filled, setFilled] = useState<{ name: string; client: string } | null>(null);
  const needs = needsOf(template);
  const quotes = useClientQuotes(needs.quote ? client?.id : undefined);
  const render = useMutation({
    mutationFn: (v: { id: string; client_id: string; quote_id: string | null }) =>
      renderTemplate(v.id, { client_id: v.client_id, quote_id: v.quote_id }),
  });
  const chosenQuote = needs.quote ? quote || null : null;
  const key = template && client ? `${template.id}|${client.id}|${chosenQuote ?? ''}` : null;
  const done = useRef<string | null>(null);

  // A quote of another client is not theirs: the choice starts again.
  const [quoteClient, setQuoteClient] = useState(client?.id);
  if (quoteClient !== client?.id) {
    setQuoteClient(client?.id);
    setQuote('');
  }

  // Rendered once for each template, client and quote chosen; a later answer wins.
  useEffect(() => {
    if (!key || !template || !client || done.current === key) return;
    done.current = key;
    setFilled(null);
    render.mutate(
      { id: template.id, client_id: client.id, quote_id: chosenQuote },
      {
        onSuccess: (content) => {
          if (content.kind !== 'contract') return;
          fill({ title: content.title, body: content.body });
          setFilled({ name: template.name, client: client.name });
        },
      },
    );
  }, [key, template, client, chosenQuote, fill, render]);

  const problem = render.error instanceof ApiProblem ? render.error : null;
  const quoteError = problem?.fieldError('quote_id');
  const error = render.isError && !quoteError ? messageOf(render.error) : undefined;
  const quoteNote = quoteError ? `${quoteId}-error` : `${quoteId}-hint`;
  return (
    <div className="space-y-3">
      <TemplateSelect
        kind="contract"
        value={template?.id ?? ''}
        onChange={(chosen) => {
          setTemplate(chosen);
          setFilled(null);
          done.current = null;
          render.reset();
        }}
        error={error}
        hint={
          template && !client
            ? t('consoleBillingContracts.template.chooseClient')
            : render.isPending
              ? t('consoleBillingContracts.template.filling')
              : t('consoleBillingContracts.template.hint')
        }
      />
      {needs.quote && client && (
        <div className="space-y-1.5">
          <label htmlFor={quoteId} className={labelClass}>
            {t('consoleBillingContracts.template.quote')}
          </label>
          <select
            id={quoteId}
            value={quote}
            disabled={!quotes.isSuccess}
            aria-invalid={quoteError ? true : undefined}
            aria-describedby={quoteNote}
            onChange={(e) => setQuote(e.target.value)}
            className={`${select} ${quoteError ? 'border-red-600' : ''}`}
          >
            <option value="">{t('consoleBillingContracts.template.noQuote')}</option>
            {(quotes.data?.items ?? []).map((q) => (
              <option key={q.id} value={q.id}>
                {t('consoleBillingContracts.template.quoteOption', { number: q.number, title: q.title })}
              </option>
            ))}
          </select>
          {quoteError ? (
            <p id={quoteNote} className="text-sm font-medium text-red-700">
              {quoteError}
            </p>
          ) : (
            <p id={quoteNote} className="text-sm text-slate-600">
              {quotes.isError
                ? t('consoleBillingContracts.template.quotesFailed', { error: messageOf(quotes.error) })
                : quotes.isSuccess && quotes.data.items.length === 0
                  ? t('consoleBillingContracts.template.noQuotes', { name: client.name })
                  : t('consoleBillingContracts.template.quoteHint')}
            </p>
          )}
        </div>
      )}
      {filled && (
        <Alert tone="success">
          {t('consoleBillingContracts.template.filled', { name: filled.name, client: filled.client })}
        </Alert>
      )}
    </div>
  );
}

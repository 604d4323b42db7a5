import { useMutation } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { ApiProblem, messageOf } from '@/api/problem';
import { PortalBrand } from '@/components/branding/PortalBrand';
import { Alert, Button, ErrorState, Loading, TextArea, TextField } from '@/components/ui';
import { useT, type Translate } from '@/lib/i18n/hooks';
import { usePortal } from '@/lib/portal';
import { submitForm, usePublicForm, type FormField, type PublicForm } from './api';
import { MarkdownView } from '@/components/Markdown';

type Values = Record<string, string | boolean>;

/** The label of the robots' trap field: hidden from people and screen readers, never read. */
const TRAP_LABEL = 'Website';

/** An intake form on the web: no login, in the business's colours. */
export function PublicFormPage() {
  const t = useT();
  const { slug, branding } = usePortal();
  const { form = '' } = useParams();
  const definition = usePublicForm(slug, form);
  useEffect(() => {
    if (definition.data) document.title = `${definition.data.title} · ${branding.name}`;
  }, [definition.data, branding.name]);
  const missing = definition.error instanceof ApiProblem && definition.error.status === 404;
  return (
    <main id="main" className="flex min-h-dvh justify-center px-4 py-8 sm:py-12">
      <div className="w-full max-w-xl">
        <div className="mb-6 flex items-center gap-3">
          <PortalBrand branding={branding} />
          <span className="font-semibold text-slate-900">{branding.name}</span>
        </div>
        <div className="overflow-hidden rounded-2xl border border-slate-200 bg-white shadow-sm">
          <div className="h-2 bg-brand" />
          <div className="p-6 sm:p-8">
            {definition.isPending ? (
              <Loading label={t('portalForms.loading')} />
            ) : missing ? (
              <div>
                <h1 className="text-2xl font-semibold text-slate-900">{t('portalForms.unavailable')}</h1>
                <p className="mt-2 text-slate-600">
                  {t('portalForms.unavailableText', { name: branding.name })}
                </p>
              </div>
            ) : definition.isError ? (
              <ErrorState message={messageOf(definition.error)} onRetry={() => void definition.refetch()} />
            ) : (
              <FormBody form={definition.data} />
            )}
          </div>
        </div>
        <p className="mt-6 text-center text-xs text-slate-600">
          {t('portalForms.poweredBy', { name: branding.name })}
        </p>
      </div>
    </main>
  );
}

function initialValues(fields: FormField[]): Values {
  return Object.fromEntries(fields.map((f) => [f.key, f.kind === 'checkbox' ? false : '']));
}

/** What the browser can tell before sending: required answers and the email's shape. */
function localErrors(fields: FormField[], values: Values, t: Translate): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === 'checkbox') {
      if (f.required && v !== true) errors[f.key] = t('portalForms.tickRequired');
      continue;
    }
    const text = typeof v === 'string' ? v.trim() : '';
    if (!text) {
      if (f.required) errors[f.key] = t('portalForms.fillRequired');
    } else if (f.kind === 'email' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text)) {
      errors[f.key] = t('portalForms.emailInvalid');
    }
  }
  return errors;
}

/** The answers as the API takes them: text trimmed, empty answers left out. */
function payload(fields: FormField[], values: Values): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (typeof v === 'boolean') out[f.key] = v;
    else if (v && v.trim()) out[f.key] = v.trim();
  }
  return out;
}

/** Sent too often: when to try again, as exactly as the server said. */
function tooOftenText(seconds: number | null, t: Translate): string {
  if (!seconds) return t('portalForms.tooOften');
  if (seconds < 90) return t('portalForms.tooOftenMinute');
  return t('portalForms.tooOftenMinutes', { minutes: Math.ceil(seconds / 60) });
}

function FormBody({ form }: { form: PublicForm }) {
  const t = useT();
  const { slug } = usePortal();
  const [values, setValues] = useState<Values>(() => initialValues(form.fields));
  const [website, setWebsite] = useState('');
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const doneRef = useRef<HTMLHeadingElement>(null);
  const send = useMutation({
    mutationFn: () => submitForm(slug, form.slug, { values: payload(form.fields, values), website }),
  });
  const problem = send.error instanceof ApiProblem ? send.error : null;
  const local = tried ? localErrors(form.fields, values, t) : {};
  const errorOf = (key: string) => local[key] ?? problem?.fieldError(`values.${key}`);
  const onScreen = form.fields.map((f) => `values.${f.key}`);

  // After a refused try, the first field to fix gets the focus; after success, the thanks.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [send.error, tried]);
  useEffect(() => {
    if (send.isSuccess) doneRef.current?.focus();
  }, [send.isSuccess]);

  if (send.isSuccess) {
    return (
      <div role="status">
        <h1 ref={doneRef} tabIndex={-1} className="text-2xl font-semibold text-slate-900 focus:outline-none">
          {t('portalForms.sent')}
        </h1>
        <p className="mt-2 text-slate-700">{send.data.message}</p>
      </div>
    );
  }

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(localErrors(form.fields, values, t)).length === 0) send.mutate();
  };
  const set = (key: string, value: string | boolean) => setValues((v) => ({ ...v, [key]: value }));

  return (
    <>
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">{form.title}</h1>
      {form.description && <MarkdownView text={form.description} className="mt-2 text-slate-600" />}
      <form ref={formRef} onSubmit={submit} noValidate className="mt-6 space-y-5">
        {problem?.status === 429 ? (
          <Alert tone="warning">{tooOftenText(problem.retryAfter, t)}</Alert>
        ) : (
          send.isError && !problem?.errors.length && <Alert tone="error">{messageOf(send.error)}</Alert>
        )}
        {problem?.status === 422 && problem.errors.length > 0 && (
          <Alert tone="error">
            {problem.offScreen(onScreen) ? problem.summary(onScreen) : t('portalForms.checkAnswers')}
          </Alert>
        )}
        {form.fields.map((f) => (
          <Field key={f.key} field={f} value={values[f.key]} error={errorOf(f.key)} onChange={set} />
        ))}
        {/* A trap for robots, which fill in every field: hidden from people and screen readers. */}
        <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
          <label htmlFor="form-website">{TRAP_LABEL}</label>
          <input
            id="form-website"
            name="website"
            type="text"
            tabIndex={-1}
            autoComplete="off"
            value={website}
            onChange={(e) => setWebsite(e.target.value)}
          />
        </div>
        <Button type="submit" busy={send.isPending}>
          {t('portalForms.send')}
        </Button>
      </form>
    </>
  );
}

const AUTOCOMPLETE: Record<string, string> = { name: 'name', email: 'email', company: 'organization' };

function Field({
  field: f,
  value,
  error,
  onChange,
}: {
  field: FormField;
  value: string | boolean | undefined;
  error?: string;
  onChange: (key: string, value: string | boolean) => void;
}) {
  const t = useT();
  const id = useId();
  const label = f.required ? f.label : t('portalForms.optional', { label: f.label });
  const text = typeof value === 'string' ? value : '';
  const common = {
    label,
    name: f.key,
    value: text,
    error,
    hint: f.help ?? undefined,
    required: f.required,
  };
  switch (f.kind) {
    case 'textarea':
      return <TextArea {...common} rows={5} onChange={(e) => onChange(f.key, e.target.value)} />;
    case 'select':
      return (
        <div className="space-y-1.5">
          <label htmlFor={id} className="block text-sm font-medium text-slate-800">
            {label}
          </label>
          <select
            id={id}
            name={f.key}
            value={text}
            required={f.required}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : f.help ? `${id}-hint` : undefined}
            onChange={(e) => onChange(f.key, e.target.value)}
            className={`block w-full rounded-lg border bg-white px-3 py-2 text-[15px] text-slate-900 shadow-sm ${error ? 'border-red-600' : 'border-slate-300'}`}
          >
            <option value="">{t('portalForms.choose')}</option>
            {(f.options ?? []).map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
          {f.help && !error && (
            <p id={`${id}-hint`} className="text-sm text-slate-600">
              {f.help}
            </p>
          )}
          {error && (
            <p id={`${id}-error`} className="text-sm font-medium text-red-700">
              {error}
            </p>
          )}
        </div>
      );
    case 'checkbox':
      return (
        <div className="space-y-1.5">
          <label className="flex items-start gap-3">
            <input
              type="checkbox"
              name={f.key}
              checked={value === true}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : f.help ? `${id}-hint` : undefined}
              onChange={(e) => onChange(f.key, e.target.checked)}
              className="mt-1 h-4 w-4 shrink-0"
            />
            <span className="text-slate-900">{label}</span>
          </label>
          {f.help && !error && (
            <p id={`${id}-hint`} className="text-sm text-slate-600">
              {f.help}
            </p>
          )}
          {error && (
            <p id={`${id}-error`} className="text-sm font-medium text-red-700">
              {error}
            </p>
          )}
        </div>
      );
    default:
      return (
        <TextField
          {...common}
          type={f.kind === 'email' ? 'email' : f.kind === 'phone' ? 'tel' : 'text'}
          autoComplete={f.kind === 'phone' ? 'tel' : (AUTOCOMPLETE[f.key] ?? 'off')}
          onChange={(e) => onChange(f.key, e.target.value)}
        />
      );
  }
}

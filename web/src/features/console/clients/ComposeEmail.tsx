import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { needsOf, renderTemplate, type Template } from '@/components/templates/api';
import { TemplateSelect } from '@/components/templates/TemplateSelect';
import { Alert, Button, TextArea, TextField, useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { clientKeys, emailClient, type Client } from './api';

/** The fields the form shows: the server's refusals of these are shown on them. */
const FIELDS = ['subject', 'body'] as const;

/** A fresh Idempotency-Key; `randomUUID` is missing outside secure contexts (plain http). */
function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
    '',
  );
}

/**
 * Writing to the client by hand, in place under the page's actions: optionally started from
 * an email template rendered for them, then sent in the business's name, signed with the
 * writer's name, with a button to their portal. Focus moves into it when it opens; Escape
 * or Cancel closes it. What was written stays until it is sent, so closing loses nothing.
 */
export function ComposeEmail({
  client,
  open,
  onClose,
  onSent,
}: {
  client: Client;
  open: boolean;
  onClose: () => void;
  onSent: () => void;
}) {
  const t = useT();
  const toast = useToast();
  const queryClient = useQueryClient();
  const headingId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [template, setTemplate] = useState<Template | null>(null);
  const [filled, setFilled] = useState<string | null>(null);
  // The template the person chose last: an answer for an earlier choice is dropped.
  const latest = useRef<string | null>(null);
  // One key per text: a retry of the same email is sent once; a changed email is a new one.
  const key = useRef({ text: '', key: '' });

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open]);

  const render = useMutation({
    mutationFn: (id: string) => renderTemplate(id, { client_id: client.id }),
  });
  const send = useMutation({
    mutationFn: (email: { subject: string; body: string }) => {
      const text = JSON.stringify(email);
      if (key.current.text !== text) key.current = { text, key: newKey() };
      return emailClient(client.id, email, key.current.key);
    },
    onSuccess: () => {
      toast(t('consoleClients.compose.sent', { email: client.email }));
      void queryClient.invalidateQueries({ queryKey: clientKeys.activity(client.id) });
      onSent();
    },
  });

  // Takes the person to the first field the server refused.
  useEffect(() => {
    if (send.error) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [send.error]);

  const choose = (chosen: Template | null) => {
    setTemplate(chosen);
    setFilled(null);
    render.reset();
    latest.current = chosen?.id ?? null;
    // A template that needs a quote or a project cannot be filled in from here.
    if (!chosen || needsOf(chosen).quote || needsOf(chosen).project) return;
    render.mutate(chosen.id, {
      onSuccess: (content) => {
        if (latest.current !== chosen.id || content.kind !== 'email') return;
        setSubject(content.subject);
        setBody(content.body);
        setFilled(chosen.name);
      },
    });
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ subject: subject.trim(), body });
  };

  const needs = needsOf(template);
  const templateError =
    template && (needs.quote || needs.project)
      ? t('consoleClients.compose.templateNeeds', { template: template.name })
      : render.isError && render.variables === template?.id
        ? messageOf(render.error)
        : undefined;
  const problem = send.error instanceof ApiProblem ? send.error : null;
  const close = () => {
    if (!send.isPending) onClose();
  };

  return (
    <section
      aria-labelledby={headingId}
      hidden={!open}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <h2
        id={headingId}
        ref={heading}
        tabIndex={-1}
        className="text-lg font-semibold text-slate-900 focus:outline-none"
      >
        {t('consoleClients.compose.title', { name: client.name })}
      </h2>
      <form ref={form} onSubmit={submit} noValidate className="mt-4 space-y-5">
        <TemplateSelect
          kind="email"
          value={template?.id ?? ''}
          onChange={choose}
          error={templateError}
          hint={
            render.isPending
              ? t('consoleClients.compose.filling')
              : t('consoleClients.compose.templateHint', { name: client.name })
          }
        />
        {filled && (
          <Alert tone="success">
            {t('consoleClients.compose.filled', { template: filled, name: client.name })}
          </Alert>
        )}
        <TextField
          label={t('consoleClients.compose.subject')}
          name="subject"
          required
          autoComplete="off"
          maxLength={200}
          value={subject}
          error={problem?.fieldError('subject')}
          onChange={(e) => setSubject(e.target.value)}
        />
        <TextArea
          label={t('consoleClients.compose.message')}
          name="body"
          required
          rows={10}
          maxLength={20000}
          value={body}
          error={problem?.fieldError('body')}
          hint={t('consoleClients.compose.messageHint')}
          onChange={(e) => setBody(e.target.value)}
        />
        <div className="space-y-1 text-sm text-slate-700">
          <p>{t('consoleClients.compose.note', { email: client.email })}</p>
          {/* Only active clients with portal access can log in (the portal's login rule). */}
          {(client.status !== 'active' || !client.portal_enabled) && (
            <p>
              {t('consoleClients.compose.noPortal', {
                reason: client.status === 'lead' ? 'lead' : 'off',
              })}
            </p>
          )}
          {client.email_opt_out && <p>{t('consoleClients.compose.optedOut')}</p>}
        </div>
        {send.isError && (
          <Alert tone="error">
            {messageOf(send.error, (f) => (FIELDS as readonly string[]).includes(f))}
          </Alert>
        )}
        <div className="flex flex-wrap gap-3">
          <Button type="submit" busy={send.isPending}>
            {t('consoleClients.compose.send')}
          </Button>
          <Button variant="ghost" onClick={close} disabled={send.isPending}>
            {t('consoleClients.cancel')}
          </Button>
        </div>
      </form>
    </section>
  );
}

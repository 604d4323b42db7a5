import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  ErrorState,
  Loading,
  PageHeader,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import { tenantKey, updateTenant, useConsoleMe, useTenant, type Tenant } from './api';
import { changesOf, draftOf, HEX6, type BrandingDraft } from './brandingDraft';
import { ColorField } from './ColorField';
import { LoginPreview } from './LoginPreview';
import { PortalAddress } from './PortalAddress';
import { RegionFields } from './RegionFields';

export function BrandingPage() {
  const me = useConsoleMe();
  const tenant = useTenant();
  const header = <PageHeader title="Branding" description="How your client portal and its emails look." />;
  if (me.data && me.data.role !== 'owner' && me.data.role !== 'admin') {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">
          Only owners and admins can change the branding. Ask one of them if something needs to change.
        </Alert>
      </div>
    );
  }
  if (tenant.isPending) return <Loading label="Loading your branding…" />;
  if (tenant.isError) {
    return (
      <div>
        {header}
        <ErrorState
          title="The branding could not be loaded"
          message={messageOf(tenant.error)}
          onRetry={() => void tenant.refetch()}
        />
      </div>
    );
  }
  return (
    <div>
      {header}
      {/* Keyed by the saved version, so after saving the form starts again from what the server kept. */}
      <BrandingEditor key={tenant.data.updated_at} tenant={tenant.data} />
    </div>
  );
}

function BrandingEditor({ tenant }: { tenant: Tenant }) {
  const queryClient = useQueryClient();
  const toast = useToast();
  const [saved] = useState(() => draftOf(tenant));
  const [draft, setDraft] = useState(saved);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: keyof BrandingDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const changes = changesOf(saved, draft);
  const dirty = Object.keys(changes).length > 0;
  const coloursValid = HEX6.test(draft.primary_color.trim()) && HEX6.test(draft.accent_color.trim());

  const save = useMutation({
    mutationFn: () => updateTenant(changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(tenantKey, updated);
      // The console's header shows the business's name and portal link.
      void queryClient.invalidateQueries({ queryKey: ['console', 'me'] });
      toast('Branding saved');
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const errorOf = (field: string) => problem?.fieldError(field);

  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [save.error]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (dirty && coloursValid) save.mutate();
  };

  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,26rem)]">
      <form ref={form} onSubmit={submit} noValidate className="min-w-0 space-y-6">
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
        <Card title="Business">
          <TextField
            label="Business name"
            name="name"
            value={draft.name}
            autoComplete="organization"
            error={errorOf('name')}
            hint="Shown to clients in the portal and in every email."
            onChange={(e) => set('name', e.target.value)}
          />
        </Card>
        <PortalAddress
          savedSlug={saved.slug}
          savedCustomDomain={saved.custom_domain}
          slug={draft.slug}
          customDomain={draft.custom_domain}
          onSlug={(v) => set('slug', v)}
          onCustomDomain={(v) => set('custom_domain', v)}
          slugError={errorOf('slug')}
          customDomainError={errorOf('custom_domain')}
        />
        <Card title="Login page">
          <div className="space-y-5">
            <TextField
              label="Login title"
              name="login_title"
              value={draft.login_title}
              placeholder={draft.name}
              error={errorOf('login_title')}
              hint="The heading clients see first. Leave empty to use your business name."
              onChange={(e) => set('login_title', e.target.value)}
            />
            <TextArea
              label="Login message"
              name="login_message"
              value={draft.login_message}
              rows={2}
              error={errorOf('login_message')}
              hint="Optional. A line under the heading, like “Log in to see your appointments and invoices.”"
              onChange={(e) => set('login_message', e.target.value)}
            />
            <TextField
              label="Logo URL"
              name="logo_url"
              type="url"
              value={draft.logo_url}
              placeholder="https://example.com/logo.png"
              error={errorOf('logo_url')}
              hint="Optional. An https address of a square-ish image. Without one, your initials are shown."
              onChange={(e) => set('logo_url', e.target.value)}
            />
          </div>
        </Card>
        <Card title="Colours">
          <div className="grid gap-5 sm:grid-cols-2">
            <ColorField
              label="Primary colour"
              value={draft.primary_color}
              error={errorOf('primary_color')}
              hint="Buttons, links and the portal’s header."
              onChange={(v) => set('primary_color', v)}
            />
            <ColorField
              label="Accent colour"
              value={draft.accent_color}
              error={errorOf('accent_color')}
              hint="Highlights and small details."
              onChange={(v) => set('accent_color', v)}
            />
          </div>
        </Card>
        <RegionFields draft={draft} set={set} errorOf={errorOf} />
        <Card title="Email">
          <TextField
            label="Send emails from"
            name="mail_from"
            type="email"
            value={draft.mail_from}
            placeholder="hello@example.com"
            error={errorOf('mail_from')}
            hint="Optional. Your mail provider must be allowed to send for this address’s domain (SPF and DKIM); leave empty to use Portico’s address."
            onChange={(e) => set('mail_from', e.target.value)}
          />
        </Card>
        {/* Stays in view at the foot of the screen, so a colour changed near the top can be saved without scrolling. */}
        <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
          <Button type="submit" busy={save.isPending} disabled={!dirty || !coloursValid}>
            Save changes
          </Button>
          {dirty ? (
            <Button variant="ghost" onClick={() => setDraft(saved)} disabled={save.isPending}>
              Discard changes
            </Button>
          ) : (
            <p className="text-sm text-slate-600">No unsaved changes.</p>
          )}
        </div>
      </form>
      <aside className="lg:sticky lg:top-6 lg:self-start" aria-label="Preview">
        <LoginPreview draft={draft} savedPrimary={saved.primary_color} />
      </aside>
    </div>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import {
  Alert,
  Button,
  Card,
  CheckboxField,
  ErrorState,
  Loading,
  PageHeader,
  TextArea,
  TextField,
  useToast,
} from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { tenantKey, updateTenant, useConsoleMe, useTenant, type Tenant, type UpdateTenant } from './api';
import { changesOf, draftOf, HEX6, type BrandingDraft } from './brandingDraft';
import { ColorField } from './ColorField';
import { LoginPreview } from './LoginPreview';
import { PortalAddress } from './PortalAddress';
import { RegionFields } from './RegionFields';

/** Examples in the fields: addresses, not words. */
const LOGO_EXAMPLE = 'https://example.com/logo.png';
const MAIL_EXAMPLE = 'hello@example.com';

export function BrandingPage() {
  const t = useT();
  const me = useConsoleMe();
  const tenant = useTenant();
  const header = <PageHeader title={t('consoleTenant.title')} description={t('consoleTenant.description')} />;
  if (me.data && me.data.role !== 'owner' && me.data.role !== 'admin') {
    return (
      <div className="max-w-2xl">
        {header}
        <Alert tone="info">{t('consoleTenant.adminsOnly')}</Alert>
      </div>
    );
  }
  if (tenant.isPending) return <Loading label={t('consoleTenant.loading')} />;
  if (tenant.isError) {
    return (
      <div>
        {header}
        <ErrorState
          title={t('consoleTenant.loadFailed')}
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
  const t = useT();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [saved] = useState(() => draftOf(tenant));
  const [draft, setDraft] = useState(saved);
  const [remember, setRemember] = useState(tenant.remember_device);
  const form = useRef<HTMLFormElement>(null);
  const set = (key: keyof BrandingDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const changes: UpdateTenant = {
    ...changesOf(saved, draft),
    ...(remember !== tenant.remember_device && { remember_device: remember }),
  };
  const dirty = Object.keys(changes).length > 0;
  const coloursValid = HEX6.test(draft.primary_color.trim()) && HEX6.test(draft.accent_color.trim());

  const save = useMutation({
    mutationFn: () => updateTenant(changes),
    onSuccess: (updated) => {
      queryClient.setQueryData(tenantKey, updated);
      // The console's header shows the business's name and portal link.
      void queryClient.invalidateQueries({ queryKey: ['console', 'me'] });
      toast(t('consoleTenant.saved'));
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
        <Card title={t('consoleTenant.business.title')}>
          <TextField
            label={t('consoleTenant.business.name')}
            name="name"
            value={draft.name}
            autoComplete="organization"
            error={errorOf('name')}
            hint={t('consoleTenant.business.nameHint')}
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
        <Card title={t('consoleTenant.login.title')}>
          <div className="space-y-5">
            <TextField
              label={t('consoleTenant.login.heading')}
              name="login_title"
              value={draft.login_title}
              placeholder={draft.name}
              error={errorOf('login_title')}
              hint={t('consoleTenant.login.headingHint')}
              onChange={(e) => set('login_title', e.target.value)}
            />
            <TextArea
              label={t('consoleTenant.login.message')}
              name="login_message"
              value={draft.login_message}
              rows={2}
              error={errorOf('login_message')}
              hint={t('consoleTenant.login.messageHint')}
              onChange={(e) => set('login_message', e.target.value)}
            />
            <TextField
              label={t('consoleTenant.login.logo')}
              name="logo_url"
              type="url"
              value={draft.logo_url}
              placeholder={LOGO_EXAMPLE}
              error={errorOf('logo_url')}
              hint={t('consoleTenant.login.logoHint')}
              onChange={(e) => set('logo_url', e.target.value)}
            />
            <RememberDeviceSetting checked={remember} onChange={setRemember} />
          </div>
        </Card>
        <Card title={t('consoleTenant.colours.title')}>
          <div className="grid gap-5 sm:grid-cols-2">
            <ColorField
              label={t('consoleTenant.colours.primary')}
              value={draft.primary_color}
              error={errorOf('primary_color')}
              hint={t('consoleTenant.colours.primaryHint')}
              onChange={(v) => set('primary_color', v)}
            />
            <ColorField
              label={t('consoleTenant.colours.accent')}
              value={draft.accent_color}
              error={errorOf('accent_color')}
              hint={t('consoleTenant.colours.accentHint')}
              onChange={(v) => set('accent_color', v)}
            />
          </div>
        </Card>
        <RegionFields draft={draft} set={set} errorOf={errorOf} />
        <Card title={t('consoleTenant.email.title')}>
          <TextField
            label={t('consoleTenant.email.from')}
            name="mail_from"
            type="email"
            value={draft.mail_from}
            placeholder={MAIL_EXAMPLE}
            error={errorOf('mail_from')}
            hint={t('consoleTenant.email.fromHint')}
            onChange={(e) => set('mail_from', e.target.value)}
          />
        </Card>
        {/* Stays in view at the foot of the screen, so a colour changed near the top can be saved without scrolling. */}
        <div className="sticky bottom-0 z-10 flex flex-wrap items-center gap-3 border-t border-slate-200 bg-slate-50/95 py-3">
          <Button type="submit" busy={save.isPending} disabled={!dirty || !coloursValid}>
            {t('consoleTenant.save')}
          </Button>
          {dirty ? (
            <Button
              variant="ghost"
              onClick={() => {
                setDraft(saved);
                setRemember(tenant.remember_device);
              }}
              disabled={save.isPending}
            >
              {t('consoleTenant.discard')}
            </Button>
          ) : (
            <p className="text-sm text-slate-600">{t('consoleTenant.noChanges')}</p>
          )}
        </div>
      </form>
      <aside className="lg:sticky lg:top-6 lg:self-start" aria-label={t('consoleTenant.previewLabel')}>
        <LoginPreview draft={draft} savedPrimary={saved.primary_color} remember={remember} />
      </aside>
    </div>
  );
}

/** Whether login pages offer "Keep me signed in on this device" to this business's clients and staff. */
function RememberDeviceSetting({
  checked,
  onChange,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useT();
  return (
    <CheckboxField
      name="remember_device"
      label={t('consoleTenant.login.remember')}
      hint={t('consoleTenant.login.rememberHint')}
      checked={checked}
      onChange={onChange}
    />
  );
}

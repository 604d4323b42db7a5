import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { LanguagePicker } from '@/components/LanguagePicker';
import { Alert, Button, Card, PageHeader, TextArea, TextField, useToast } from '@/components/ui';
import type { Language } from '@/lib/i18n';
import { useT } from '@/lib/i18n/hooks';
import { updatePortalMe, usePortalMe, type PortalMe } from './api';
import { usePortal } from '@/lib/portal';
import { markZoneNoted } from '@/lib/portal-zone';
import { CalendarFeedCard } from './CalendarFeedCard';
import { LoginEmail } from './LoginEmail';
import { Passkeys } from './Passkeys';
import { ZoneField } from './ZoneField';

export function ProfilePage() {
  const t = useT();
  const { slug } = usePortal();
  const me = usePortalMe(slug);
  if (!me.data) return null;
  return (
    <div className="max-w-xl">
      <PageHeader title={t('portalMe.profileTitle')} description={t('portalMe.profileDescription')} />
      <ProfileForm key={me.data.id} me={me.data} />
      {/* Staff viewing as the client must not see, let alone change, how the client signs in. */}
      {!me.data.impersonated && (
        <div className="mt-6">
          <Passkeys />
        </div>
      )}
      <div className="mt-6">
        <EmailPreference me={me.data} />
      </div>
      <div className="mt-6">
        <LanguageChoice me={me.data} />
      </div>
      <div className="mt-6">
        <CalendarFeedCard readOnly={me.data.impersonated} />
      </div>
    </div>
  );
}

/** The client's language: the portal switches at once, and the profile keeps it for emails and documents. */
function LanguageChoice({ me }: { me: PortalMe }) {
  const t = useT();
  const { slug } = usePortal();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (language: Language) => updatePortalMe({ language }),
    onSuccess: (updated) => queryClient.setQueryData(['portal', slug, 'me'], updated),
  });
  return (
    <Card title={t('portalMe.languageTitle')}>
      <div className="space-y-3">
        <LanguagePicker onPick={me.impersonated ? undefined : (language) => save.mutate(language)} />
        <p className="text-sm text-slate-600">{t('portalMe.languageHint')}</p>
      </div>
    </Card>
  );
}

/** Notice emails on or off, saved as soon as it is ticked. */
function EmailPreference({ me }: { me: PortalMe }) {
  const t = useT();
  const { slug } = usePortal();
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: (optOut: boolean) => updatePortalMe({ email_opt_out: optOut }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['portal', slug, 'me'], updated);
      toast(updated.email_opt_out ? t('portalMe.noticeEmailsOff') : t('portalMe.noticeEmailsOn'));
    },
  });
  const readOnly = me.impersonated;
  return (
    <Card title={t('portalMe.emailsTitle')}>
      <div className="space-y-4">
        <label className="flex items-start gap-3">
          <input
            type="checkbox"
            name="notice_emails"
            checked={!me.email_opt_out}
            disabled={readOnly || save.isPending}
            onChange={(e) => save.mutate(!e.target.checked)}
            className="mt-1 h-4 w-4 shrink-0"
          />
          <span>
            <span className="block font-medium text-slate-900">{t('portalMe.noticeEmails')}</span>
            <span className="block text-sm text-slate-600">{t('portalMe.noticeEmailsHint')}</span>
          </span>
        </label>
        <p className="text-sm text-slate-600">{t('portalMe.alwaysEmailed')}</p>
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
      </div>
    </Card>
  );
}

function ProfileForm({ me }: { me: PortalMe }) {
  const t = useT();
  const { slug } = usePortal();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(me.name);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [company, setCompany] = useState(me.company ?? '');
  const [billingAddress, setBillingAddress] = useState(me.billing_address ?? '');
  const [taxId, setTaxId] = useState(me.tax_id ?? '');
  const [timeZone, setTimeZone] = useState(me.time_zone ?? '');
  const save = useMutation({
    mutationFn: () =>
      updatePortalMe({
        name: name.trim(),
        phone: phone.trim() || null,
        company: company.trim() || null,
        billing_address: billingAddress.trim() || null,
        tax_id: taxId.trim() || null,
        time_zone: timeZone || null,
      }),
    onSuccess: (updated) => {
      // "The business's zone" is stored as none: this device must not note the browser's again.
      if (!updated.time_zone) markZoneNoted(updated.id);
      queryClient.setQueryData(['portal', slug, 'me'], updated);
      toast(t('portalMe.profileSaved'));
    },
  });
  const problem = save.error instanceof ApiProblem ? save.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const readOnly = me.impersonated;

  return (
    <Card>
      {readOnly && (
        <div className="mb-5">
          <Alert tone="warning">{t('portalMe.profileReadOnly')}</Alert>
        </div>
      )}
      {/* Its own form, beside the profile's: the email changes with a code, not with "Save changes". */}
      <div className="mb-5 border-b border-slate-100 pb-5">
        <LoginEmail me={me} readOnly={readOnly} />
      </div>
      <form className="space-y-5" onSubmit={submit} noValidate>
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
        <TextField
          label={t('portalMe.fullName')}
          name="name"
          autoComplete="name"
          required
          value={name}
          disabled={readOnly}
          error={problem?.fieldError('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label={t('portalMe.phone')}
          name="phone"
          type="tel"
          autoComplete="tel"
          value={phone}
          disabled={readOnly}
          error={problem?.fieldError('phone')}
          hint={t('portalMe.phoneHint')}
          onChange={(e) => setPhone(e.target.value)}
        />
        <TextField
          label={t('portalMe.company')}
          name="company"
          autoComplete="organization"
          value={company}
          disabled={readOnly}
          error={problem?.fieldError('company')}
          hint={t('portalMe.companyHint')}
          onChange={(e) => setCompany(e.target.value)}
        />
        <TextArea
          label={t('portalMe.billingAddress')}
          name="billing_address"
          autoComplete="street-address"
          rows={3}
          value={billingAddress}
          disabled={readOnly}
          error={problem?.fieldError('billing_address')}
          hint={t('portalMe.billingAddressHint')}
          onChange={(e) => setBillingAddress(e.target.value)}
        />
        <TextField
          label={t('portalMe.taxId')}
          name="tax_id"
          autoComplete="off"
          value={taxId}
          disabled={readOnly}
          error={problem?.fieldError('tax_id')}
          hint={t('portalMe.taxIdHint')}
          onChange={(e) => setTaxId(e.target.value)}
        />
        <ZoneField
          value={timeZone}
          businessZone={me.tenant_time_zone}
          disabled={readOnly}
          error={problem?.fieldError('time_zone')}
          onChange={setTimeZone}
        />
        <Button type="submit" busy={save.isPending} disabled={readOnly}>
          {t('portalMe.save')}
        </Button>
      </form>
    </Card>
  );
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, messageOf } from '@/api/problem';
import { Alert, Button, Card, PageHeader, TextArea, TextField, useToast } from '@/components/ui';
import { updatePortalMe, usePortalMe, type PortalMe } from './api';
import { usePortal } from '@/lib/portal';

export function ProfilePage() {
  const { slug } = usePortal();
  const me = usePortalMe(slug);
  if (!me.data) return null;
  return (
    <div className="max-w-xl">
      <PageHeader
        title="Your profile"
        description="How we reach you. Your email is your login; to change it, ask us."
      />
      <ProfileForm key={me.data.id} me={me.data} />
      <div className="mt-6">
        <EmailPreference me={me.data} />
      </div>
    </div>
  );
}

/** Notice emails on or off, saved as soon as it is ticked. */
function EmailPreference({ me }: { me: PortalMe }) {
  const { slug } = usePortal();
  const queryClient = useQueryClient();
  const toast = useToast();
  const save = useMutation({
    mutationFn: (optOut: boolean) => updatePortalMe({ email_opt_out: optOut }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['portal', slug, 'me'], updated);
      toast(updated.email_opt_out ? 'Notice emails turned off' : 'Notice emails turned on');
    },
  });
  const readOnly = me.impersonated;
  return (
    <Card title="Emails">
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
            <span className="block font-medium text-slate-900">Email me when something changes</span>
            <span className="block text-sm text-slate-600">
              New quotes and contracts, messages, deliverables to review, order and appointment updates. You
              see them under Notifications here either way.
            </span>
          </span>
        </label>
        <p className="text-sm text-slate-600">
          Login codes, invitations, invoices, payment receipts and your signed contracts are always emailed.
        </p>
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
      </div>
    </Card>
  );
}

function ProfileForm({ me }: { me: PortalMe }) {
  const { slug, branding } = usePortal();
  const queryClient = useQueryClient();
  const toast = useToast();
  const [name, setName] = useState(me.name);
  const [phone, setPhone] = useState(me.phone ?? '');
  const [company, setCompany] = useState(me.company ?? '');
  const [billingAddress, setBillingAddress] = useState(me.billing_address ?? '');
  const [taxId, setTaxId] = useState(me.tax_id ?? '');
  const save = useMutation({
    mutationFn: () =>
      updatePortalMe({
        name: name.trim(),
        phone: phone.trim() || null,
        company: company.trim() || null,
        billing_address: billingAddress.trim() || null,
        tax_id: taxId.trim() || null,
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(['portal', slug, 'me'], updated);
      toast('Profile saved');
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
      <form className="space-y-5" onSubmit={submit} noValidate>
        {readOnly && (
          <Alert tone="warning">You are viewing as this client, so the profile cannot be changed here.</Alert>
        )}
        {save.isError && <Alert tone="error">{messageOf(save.error)}</Alert>}
        <TextField
          label="Email"
          value={me.email}
          disabled
          hint={`Your login. ${branding.name} can change it for you.`}
          readOnly
        />
        <TextField
          label="Full name"
          name="name"
          autoComplete="name"
          required
          value={name}
          disabled={readOnly}
          error={problem?.fieldError('name')}
          onChange={(e) => setName(e.target.value)}
        />
        <TextField
          label="Phone"
          name="phone"
          type="tel"
          autoComplete="tel"
          value={phone}
          disabled={readOnly}
          error={problem?.fieldError('phone')}
          hint="Optional. For reminders and if we need to reach you quickly."
          onChange={(e) => setPhone(e.target.value)}
        />
        <TextField
          label="Company"
          name="company"
          autoComplete="organization"
          value={company}
          disabled={readOnly}
          error={problem?.fieldError('company')}
          hint="Optional. Shown on your quotes and invoices."
          onChange={(e) => setCompany(e.target.value)}
        />
        <TextArea
          label="Billing address"
          name="billing_address"
          autoComplete="street-address"
          rows={3}
          value={billingAddress}
          disabled={readOnly}
          error={problem?.fieldError('billing_address')}
          hint="Optional. Printed on new quotes and invoices; those already sent keep the address they were sent with."
          onChange={(e) => setBillingAddress(e.target.value)}
        />
        <TextField
          label="VAT / tax ID"
          name="tax_id"
          autoComplete="off"
          value={taxId}
          disabled={readOnly}
          error={problem?.fieldError('tax_id')}
          hint="Optional. Needed on invoices to a business in the EU."
          onChange={(e) => setTaxId(e.target.value)}
        />
        <Button type="submit" busy={save.isPending} disabled={readOnly}>
          Save changes
        </Button>
      </form>
    </Card>
  );
}

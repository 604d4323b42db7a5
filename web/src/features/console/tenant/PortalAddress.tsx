import { Alert, Button, Card, TextField, useToast } from '@/components/ui';

export interface PortalAddressProps {
  savedSlug: string;
  savedCustomDomain: string;
  slug: string;
  customDomain: string;
  onSlug: (value: string) => void;
  onCustomDomain: (value: string) => void;
  slugError?: string;
  customDomainError?: string;
}

export function PortalAddress(props: PortalAddressProps) {
  const {
    savedSlug,
    savedCustomDomain,
    slug,
    customDomain,
    onSlug,
    onCustomDomain,
    slugError,
    customDomainError,
  } = props;
  const toast = useToast();
  const url = `${window.location.origin}/portal/${savedSlug}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast('Portal address copied');
    } catch {
      toast('Could not copy. Select the address and copy it yourself.', 'error');
    }
  };
  return (
    <Card title="Portal address">
      <div className="space-y-5">
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-slate-800">Your clients log in at</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 break-all rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-900">
              {url}
            </code>
            <Button variant="secondary" onClick={() => void copy()}>
              Copy address
            </Button>
          </div>
          {savedCustomDomain && (
            <p className="text-sm text-slate-600">
              and at <span className="font-medium text-slate-900">https://{savedCustomDomain}</span>
            </p>
          )}
        </div>
        <TextField
          label="Address name"
          name="slug"
          value={slug}
          autoComplete="off"
          spellCheck={false}
          error={slugError}
          hint="Lowercase letters, digits and dashes: the part after /portal/. Changing it breaks links already sent to clients."
          onChange={(e) => onSlug(e.target.value)}
        />
        {slug.trim() !== savedSlug && (
          <Alert tone="warning">
            After saving, the portal moves to /portal/{slug.trim() || '…'}. Links already sent to clients,
            such as invitations and login emails, will stop working.
          </Alert>
        )}
        <TextField
          label="Custom domain"
          name="custom_domain"
          value={customDomain}
          autoComplete="off"
          spellCheck={false}
          placeholder="portal.example.com"
          error={customDomainError}
          hint="Optional. A host name of your own that shows the portal at its root; point its DNS to Portico first."
          onChange={(e) => onCustomDomain(e.target.value)}
        />
      </div>
    </Card>
  );
}

import { Alert, Button, Card, TextField, useToast } from '@/components/ui';
import { Rich } from '@/lib/i18n/Rich';
import { useT } from '@/lib/i18n/hooks';

/** A host name as an example: an address, not words. */
const DOMAIN_EXAMPLE = 'portal.example.com';

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
  const t = useT();
  const toast = useToast();
  const url = `${window.location.origin}/portal/${savedSlug}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      toast(t('consoleTenant.address.copied'));
    } catch {
      toast(t('consoleTenant.address.copyFailed'), 'error');
    }
  };
  return (
    <Card title={t('consoleTenant.address.title')}>
      <div className="space-y-5">
        <div className="space-y-1.5">
          <p className="text-sm font-medium text-slate-800">{t('consoleTenant.address.loginAt')}</p>
          <div className="flex flex-wrap items-center gap-2">
            <code className="min-w-0 break-all rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-900">
              {url}
            </code>
            <Button variant="secondary" onClick={() => void copy()}>
              {t('consoleTenant.address.copy')}
            </Button>
          </div>
          {savedCustomDomain && (
            <p className="text-sm text-slate-600">
              <Rich
                text={t('consoleTenant.address.alsoAt', { domain: savedCustomDomain })}
                tags={{ b: (chunk) => <span className="font-medium text-slate-900">{chunk}</span> }}
              />
            </p>
          )}
        </div>
        <TextField
          label={t('consoleTenant.address.slug')}
          name="slug"
          value={slug}
          autoComplete="off"
          spellCheck={false}
          error={slugError}
          hint={t('consoleTenant.address.slugHint')}
          onChange={(e) => onSlug(e.target.value)}
        />
        {slug.trim() !== savedSlug && (
          <Alert tone="warning">{t('consoleTenant.address.moves', { slug: slug.trim() || '…' })}</Alert>
        )}
        <TextField
          label={t('consoleTenant.address.domain')}
          name="custom_domain"
          value={customDomain}
          autoComplete="off"
          spellCheck={false}
          placeholder={DOMAIN_EXAMPLE}
          error={customDomainError}
          hint={t('consoleTenant.address.domainHint')}
          onChange={(e) => onCustomDomain(e.target.value)}
        />
      </div>
    </Card>
  );
}

import { initials } from '@/lib/format';
import { useT } from '@/lib/i18n/hooks';
import type { components } from '@/api/schema';

type Branding = components['schemas']['PublicBranding'];

/** The tenant's logo, or its initials on its colour when it has none. */
export function PortalBrand({
  branding,
  size = 'md',
}: {
  branding: Pick<Branding, 'name' | 'logo_url'>;
  size?: 'md' | 'lg';
}) {
  const t = useT();
  const box = size === 'lg' ? 'h-14 w-14 text-xl' : 'h-9 w-9 text-sm';
  if (branding.logo_url) {
    return (
      <img
        src={branding.logo_url}
        alt={t('components.brand.logoAlt', { name: branding.name })}
        className={`${box} rounded-lg object-contain`}
      />
    );
  }
  return (
    <span
      aria-hidden
      className={`${box} inline-flex items-center justify-center rounded-lg bg-brand font-bold text-brand-fg`}
    >
      {initials(branding.name)}
    </span>
  );
}

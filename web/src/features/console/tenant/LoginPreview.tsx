import { useId } from 'react';
import { LoginCard } from '@/components/branding/LoginCard';
import { RememberDevice } from '@/components/login/RememberDevice';
import { Button, TextField } from '@/components/ui';
import { brandColors, brandStyle } from '@/lib/color';
import { useT } from '@/lib/i18n/hooks';
import { HEX6, type BrandingDraft } from './brandingDraft';

/** An address as a client would type it. */
const EMAIL_EXAMPLE = 'you@example.com';

/**
 * The portal's login page as clients will see it, drawn by the portal's own `LoginCard` in
 * the colours being chosen, so the owner judges the real thing while typing.
 */
export function LoginPreview({
  draft,
  savedPrimary,
  remember,
}: {
  draft: BrandingDraft;
  savedPrimary: string;
  /** The login page offers "Keep me signed in on this device". */
  remember: boolean;
}) {
  const t = useT();
  // While a hex is half typed, keep showing the last colour that parsed.
  const primary = HEX6.test(draft.primary_color.trim())
    ? draft.primary_color.trim().toLowerCase()
    : savedPrimary;
  const shown = brandColors(primary).brand;
  const darkened = shown !== primary.toLowerCase();
  const caption = useId();
  return (
    <figure aria-labelledby={caption} className="space-y-3">
      <figcaption id={caption} className="text-sm font-semibold text-slate-800">
        {t('consoleTenant.preview.caption')}
      </figcaption>
      <div style={brandStyle(primary)} className="flex justify-center rounded-xl bg-slate-100 p-4 sm:p-6">
        <LoginCard
          branding={{
            name: draft.name.trim() || t('consoleTenant.preview.business'),
            logo_url: draft.logo_url.trim() || null,
            login_title: draft.login_title.trim(),
            login_message: draft.login_message.trim() || null,
          }}
        >
          <div className="space-y-4">
            <TextField
              label={t('consoleTenant.preview.email')}
              type="email"
              placeholder={EMAIL_EXAMPLE}
              disabled
            />
            {remember && <RememberDevice checked={false} onChange={() => {}} disabled />}
            {/* Full opacity: a faded button would misrepresent the colour being judged. */}
            <Button className="w-full" disabled style={{ opacity: 1 }}>
              {t('login.email.submit')}
            </Button>
          </div>
        </LoginCard>
      </div>
      {darkened && (
        <p className="flex items-start gap-2 rounded-lg border border-sky-200 bg-sky-50 px-3 py-2 text-sm text-sky-900">
          <span
            aria-hidden
            className="mt-0.5 h-4 w-4 shrink-0 rounded border border-slate-300"
            style={{ background: shown }}
          />
          <span>{t('consoleTenant.preview.darkened', { primary, shown })}</span>
        </p>
      )}
    </figure>
  );
}

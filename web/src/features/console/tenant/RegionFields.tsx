import { memo } from 'react';
import { Card, SelectField, TextField } from '@/components/ui';
import { LANGUAGE_NAMES, LANGUAGES } from '@/lib/i18n';
import { useFormatLocale, useLanguage, useT } from '@/lib/i18n/hooks';
import { currencyOptions, timeZoneGroups } from '@/lib/regions';
import type { BrandingDraft } from './brandingDraft';
import { dateSample, moneySample } from './regionSamples';

export interface RegionFieldsProps {
  draft: BrandingDraft;
  set: (key: keyof BrandingDraft, value: string) => void;
  errorOf: (field: string) => string | undefined;
}

/** Time zone and currency are chosen from lists: a typed "Europe/Pari" is refused only on saving. */
export function RegionFields({ draft, set, errorOf }: RegionFieldsProps) {
  const t = useT();
  const language = useLanguage();
  // The lists are read by the person choosing: in their language, the business's region if it shares it.
  const listLocale = useFormatLocale(draft.locale);
  const date = dateSample(draft.locale, draft.timezone);
  const money = moneySample(draft.locale, draft.currency);
  return (
    <Card title={t('consoleTenant.region.title')}>
      <div className="space-y-5">
        <SelectField
          label={t('consoleTenant.region.timeZone')}
          name="timezone"
          value={draft.timezone}
          error={errorOf('timezone')}
          hint={t('consoleTenant.region.timeZoneHint')}
          onChange={(e) => set('timezone', e.target.value)}
        >
          <ZoneOptions current={draft.timezone} language={language} />
        </SelectField>
        <SelectField
          label={t('consoleTenant.region.language')}
          name="language"
          value={draft.language}
          error={errorOf('language')}
          hint={t('consoleTenant.region.languageHint')}
          onChange={(e) => set('language', e.target.value)}
        >
          {LANGUAGES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LANGUAGE_NAMES[l]}
            </option>
          ))}
        </SelectField>
        <TextField
          label={t('consoleTenant.region.locale')}
          name="locale"
          value={draft.locale}
          autoComplete="off"
          spellCheck={false}
          error={errorOf('locale')}
          hint={date ? t('consoleTenant.region.dateSample', { date }) : t('consoleTenant.region.localeHint')}
          onChange={(e) => set('locale', e.target.value)}
        />
        <SelectField
          label={t('consoleTenant.region.currency')}
          name="currency"
          value={draft.currency}
          error={errorOf('currency')}
          hint={money ? t('consoleTenant.region.moneySample', { money }) : undefined}
          onChange={(e) => set('currency', e.target.value)}
        >
          <CurrencyOptions locale={listLocale} current={draft.currency} />
        </SelectField>
      </div>
    </Card>
  );
}

// Hundreds of options: drawn again only when what they depend on changes (the regions'
// names follow the reader's `language`).
const ZoneOptions = memo(function ZoneOptions({ current }: { current: string; language: string }) {
  return timeZoneGroups(current).map((group) => (
    <optgroup key={group.region} label={group.label}>
      {group.zones.map((z) => (
        <option key={z.value} value={z.value}>
          {z.label}
        </option>
      ))}
    </optgroup>
  ));
});

const CurrencyOptions = memo(function CurrencyOptions({
  locale,
  current,
}: {
  locale: string;
  current: string;
}) {
  return currencyOptions(locale, current).map((c) => (
    <option key={c.value} value={c.value}>
      {c.label}
    </option>
  ));
});

import { memo } from 'react';
import { Card, SelectField, TextField } from '@/components/ui';
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
  const date = dateSample(draft.locale, draft.timezone);
  const money = moneySample(draft.locale, draft.currency);
  return (
    <Card title="Time, language and money">
      <div className="space-y-5">
        <SelectField
          label="Time zone"
          name="timezone"
          value={draft.timezone}
          error={errorOf('timezone')}
          hint="Where your business is. Times in emails and the portal use it."
          onChange={(e) => set('timezone', e.target.value)}
        >
          <ZoneOptions current={draft.timezone} />
        </SelectField>
        <TextField
          label="Language and region"
          name="locale"
          value={draft.locale}
          autoComplete="off"
          spellCheck={false}
          error={errorOf('locale')}
          hint={date ? `Dates will read like: ${date}.` : 'A language tag, like en-GB or fr-FR.'}
          onChange={(e) => set('locale', e.target.value)}
        />
        <SelectField
          label="Currency"
          name="currency"
          value={draft.currency}
          error={errorOf('currency')}
          hint={money ? `Amounts will read like: ${money}.` : undefined}
          onChange={(e) => set('currency', e.target.value)}
        >
          <CurrencyOptions locale={draft.locale} current={draft.currency} />
        </SelectField>
      </div>
    </Card>
  );
}

// Hundreds of options: drawn again only when what they depend on changes.
const ZoneOptions = memo(function ZoneOptions({ current }: { current: string }) {
  return timeZoneGroups(current).map((group) => (
    <optgroup key={group.region} label={group.region}>
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

import { memo, useId } from 'react';
import { Card, TextField } from '@/components/ui';
import type { BrandingDraft } from './brandingDraft';
import { dateSample, moneySample, timeZones } from './regionSamples';

export interface RegionFieldsProps {
  draft: BrandingDraft;
  set: (key: keyof BrandingDraft, value: string) => void;
  errorOf: (field: string) => string | undefined;
}

export function RegionFields({ draft, set, errorOf }: RegionFieldsProps) {
  const zoneList = useId();
  const date = dateSample(draft.locale, draft.timezone);
  const money = moneySample(draft.locale, draft.currency);
  return (
    <Card title="Time, language and money">
      <div className="space-y-5">
        <TextField
          label="Time zone"
          name="timezone"
          list={zoneList}
          value={draft.timezone}
          autoComplete="off"
          spellCheck={false}
          error={errorOf('timezone')}
          hint="Where your business is, like Europe/Paris. Times in emails and the portal use it."
          onChange={(e) => set('timezone', e.target.value)}
        />
        <ZoneSuggestions id={zoneList} />
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
        <TextField
          label="Currency"
          name="currency"
          value={draft.currency}
          autoComplete="off"
          spellCheck={false}
          maxLength={3}
          error={errorOf('currency')}
          hint={money ? `Amounts will read like: ${money}.` : 'A three-letter code, like EUR or USD.'}
          onChange={(e) => set('currency', e.target.value.toUpperCase())}
        />
      </div>
    </Card>
  );
}

// Hundreds of options: drawn once, not again on every keystroke elsewhere in the form.
const ZoneSuggestions = memo(function ZoneSuggestions({ id }: { id: string }) {
  return (
    <datalist id={id}>
      {timeZones().map((z) => (
        <option key={z} value={z} />
      ))}
    </datalist>
  );
});

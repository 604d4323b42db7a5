import { useId, useMemo, useState } from 'react';
import { SelectField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';
import { timeZones } from '@/lib/portal-zone';

/**
 * The zone a client reads times in: any IANA zone (a search narrows the long list), or none,
 * which means the business's.
 */
export function ZoneField({
  value,
  businessZone,
  disabled,
  error,
  onChange,
}: {
  /** `''`: the business's zone. */
  value: string;
  businessZone: string;
  disabled?: boolean;
  error?: string;
  onChange: (zone: string) => void;
}) {
  const t = useT();
  const searchId = useId();
  const [search, setSearch] = useState('');
  const all = useMemo(() => timeZones(), []);
  const needle = search.trim().toLowerCase().replace(/\s+/g, '_');
  const shown = all.filter((z) => !needle || z.toLowerCase().includes(needle) || z === value);
  return (
    <div className="space-y-2">
      <SelectField
        label={t('portalMe.timeZone')}
        name="time_zone"
        value={value}
        disabled={disabled}
        error={error}
        hint={t('portalMe.timeZoneHint')}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{t('portalMe.timeZoneBusiness', { zone: businessZone })}</option>
        {shown.map((z) => (
          <option key={z} value={z}>
            {z.replace(/_/g, ' ')}
          </option>
        ))}
        {value && !all.includes(value) && <option value={value}>{value}</option>}
      </SelectField>
      <div className="flex items-center gap-2">
        <label htmlFor={searchId} className="text-sm text-slate-600">
          {t('portalMe.timeZoneSearch')}
        </label>
        <input
          id={searchId}
          type="search"
          value={search}
          disabled={disabled}
          onChange={(e) => setSearch(e.target.value)}
          className="min-w-0 flex-1 rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
      </div>
    </div>
  );
}

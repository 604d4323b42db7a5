import { CheckboxField } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** "Keep me signed in on this device": the login's cookie then outlives the browser for 30 days. */
export function RememberDevice({
  checked,
  onChange,
  disabled,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <CheckboxField
      name="remember"
      label={t('login.remember')}
      hint={t('login.rememberHint')}
      checked={checked}
      onChange={onChange}
      disabled={disabled}
    />
  );
}

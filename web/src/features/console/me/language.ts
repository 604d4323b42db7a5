import { useEffect } from 'react';
import { currentLanguage, rememberLanguage, switchLanguage } from '@/lib/i18n';
import type { StaffMe } from './api';

/**
 * Once the staff member is known, their own language wins (else the one chosen on this
 * device or the browser's); the device remembers it for the login page.
 */
export function useStaffLanguage(me: StaffMe | undefined) {
  const language = me?.language;
  useEffect(() => {
    if (!language) return;
    rememberLanguage(language);
    if (language !== currentLanguage()) void switchLanguage(language);
  }, [language]);
}

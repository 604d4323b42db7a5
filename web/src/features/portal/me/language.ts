import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { currentLanguage, rememberLanguage, switchLanguage } from '@/lib/i18n';
import { updatePortalMe, type PortalMe } from './api';

/**
 * Once the client is known, their own language wins: the portal switches to it and this
 * device remembers it for the login page. A client who has none yet keeps the language the
 * portal showed at their first login (their choice on the login page, else their browser's),
 * saved to their profile so emails and documents follow it too.
 */
export function useClientLanguage(slug: string, me: PortalMe | undefined) {
  const queryClient = useQueryClient();
  const language = me?.language;
  const readOnly = me?.impersonated ?? true;
  useEffect(() => {
    if (!me) return;
    if (language) {
      rememberLanguage(language);
      if (language !== currentLanguage()) void switchLanguage(language);
    } else if (!readOnly) {
      updatePortalMe({ language: currentLanguage() })
        .then((updated) => queryClient.setQueryData(['portal', slug, 'me'], updated))
        .catch(() => undefined);
    }
    // Only a change of the stored language (or who is logged in) should act.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [language, readOnly, me?.id]);
}

import { useToast } from '@/components/ui';
import { useT } from '@/lib/i18n/hooks';

/** The public booking page's address, `/book/{slug}` or a service's `/book/{slug}/{id}`. */
export function bookingUrl(slug: string, serviceId?: string): string {
  return `${window.location.origin}/book/${slug}${serviceId ? `/${serviceId}` : ''}`;
}

/** Copies `text`, and says whether it worked. */
export function useCopy() {
  const t = useT();
  const toast = useToast();
  return async (text: string) => {
    try {
      await navigator.clipboard.writeText(text);
      toast(t('consoleBooking.linkCopied'));
    } catch {
      toast(t('consoleBooking.copyFailed'), 'error');
    }
  };
}

/**
 * "Text me the code" on a portal's login page: the same request as the email code, with
 * `channel: sms`. The answer is the same whether or not the email has an account or a mobile
 * number on file; a client without one gets the code by email. Staff codes never go by text.
 */
import { api, call } from '@/api/client';
import type { CodeRequested } from '@/api/login';
import { currentLanguage } from '@/lib/i18n';

export type RequestTextCode = (email: string) => Promise<CodeRequested>;

export function portalTextCode(slug: string): RequestTextCode {
  return (email) =>
    call(
      api.POST('/api/v1/portal/{slug}/auth/otp', {
        params: { path: { slug } },
        body: { email, language: currentLanguage(), channel: 'sms' },
      }),
    );
}

/**
 * The passwordless login calls, once for a portal and once for the console. Both realms
 * speak the same protocol; only the paths differ. A code is asked for in the language the
 * page shows, which the email is written in when the account has chosen none.
 */
import { currentLanguage } from '@/lib/i18n';
import { api, call } from './client';
import type { components } from './schema';

export type LoginResponse = components['schemas']['LoginResponse'];
export type CodeRequested = components['schemas']['CodeRequested'];
export type AccountChoice = components['schemas']['AccountChoice'];
export type Tokens = components['schemas']['Tokens'];

export interface LoginApi {
  requestCode(email: string): Promise<CodeRequested>;
  verifyCode(email: string, code: string): Promise<LoginResponse>;
  redeemLink(token: string): Promise<LoginResponse>;
  selectAccount(selectionToken: string, accountId: string): Promise<LoginResponse>;
}

export function portalLogin(slug: string): LoginApi {
  const path = { path: { slug } };
  return {
    requestCode: (email) =>
      call(
        api.POST('/api/v1/portal/{slug}/auth/otp', {
          params: path,
          body: { email, language: currentLanguage() },
        }),
      ),
    verifyCode: (email, code) =>
      call(api.POST('/api/v1/portal/{slug}/auth/otp/verify', { params: path, body: { email, code } })),
    redeemLink: (token) =>
      call(api.POST('/api/v1/portal/{slug}/auth/magic-link', { params: path, body: { token } })),
    selectAccount: (selection_token, account_id) =>
      call(
        api.POST('/api/v1/portal/{slug}/auth/select', {
          params: path,
          body: { selection_token, account_id },
        }),
      ),
  };
}

export const consoleLogin: LoginApi = {
  requestCode: (email) =>
    call(api.POST('/api/v1/auth/otp', { body: { email, language: currentLanguage() } })),
  verifyCode: (email, code) => call(api.POST('/api/v1/auth/otp/verify', { body: { email, code } })),
  redeemLink: (token) => call(api.POST('/api/v1/auth/magic-link', { body: { token } })),
  selectAccount: (selection_token, account_id) =>
    call(api.POST('/api/v1/auth/select', { body: { selection_token, account_id } })),
};

export async function logOut(): Promise<void> {
  try {
    await call(api.POST('/api/v1/auth/logout'));
  } catch {
    // Logging out locally matters more than telling the server; an expired session is fine.
  }
}

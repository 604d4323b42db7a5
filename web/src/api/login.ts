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

/**
 * Every login asks for a browser session: the refresh token goes in an HttpOnly cookie, and
 * `remember` ("keep me signed in on this device") makes it last 30 days where the business allows.
 */
export interface LoginApi {
  requestCode(email: string): Promise<CodeRequested>;
  verifyCode(email: string, code: string, remember?: boolean): Promise<LoginResponse>;
  redeemLink(token: string, remember?: boolean): Promise<LoginResponse>;
  selectAccount(selectionToken: string, accountId: string, remember?: boolean): Promise<LoginResponse>;
  /** Options for "sign in with a passkey" (a discoverable login: no email). */
  passkeyOptions(): Promise<PasskeyOptions>;
  /** The authenticator's answer (`PublicKeyCredential.toJSON()`) to those options. */
  passkeyLogin(ceremonyId: string, credential: object, remember?: boolean): Promise<LoginResponse>;
}

export type PasskeyOptions = components['schemas']['PasskeyOptions'];

const browser = (remember = false) => ({ cookie: true, remember });

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
    verifyCode: (email, code, remember) =>
      call(
        api.POST('/api/v1/portal/{slug}/auth/otp/verify', {
          params: path,
          body: { email, code, ...browser(remember) },
        }),
      ),
    redeemLink: (token, remember) =>
      call(
        api.POST('/api/v1/portal/{slug}/auth/magic-link', {
          params: path,
          body: { token, ...browser(remember) },
        }),
      ),
    selectAccount: (selection_token, account_id, remember) =>
      call(
        api.POST('/api/v1/portal/{slug}/auth/select', {
          params: path,
          body: { selection_token, account_id, ...browser(remember) },
        }),
      ),
    passkeyOptions: () => call(api.POST('/api/v1/portal/{slug}/auth/passkey/options', { params: path })),
    passkeyLogin: (ceremony_id, credential, remember) =>
      call(
        api.POST('/api/v1/portal/{slug}/auth/passkey', {
          params: path,
          body: { ceremony_id, credential: credential as Record<string, never>, ...browser(remember) },
        }),
      ),
  };
}

export const consoleLogin: LoginApi = {
  requestCode: (email) =>
    call(api.POST('/api/v1/auth/otp', { body: { email, language: currentLanguage() } })),
  verifyCode: (email, code, remember) =>
    call(api.POST('/api/v1/auth/otp/verify', { body: { email, code, ...browser(remember) } })),
  redeemLink: (token, remember) =>
    call(api.POST('/api/v1/auth/magic-link', { body: { token, ...browser(remember) } })),
  selectAccount: (selection_token, account_id, remember) =>
    call(api.POST('/api/v1/auth/select', { body: { selection_token, account_id, ...browser(remember) } })),
  passkeyOptions: () => call(api.POST('/api/v1/auth/passkey/options')),
  passkeyLogin: (ceremony_id, credential, remember) =>
    call(
      api.POST('/api/v1/auth/passkey', {
        body: { ceremony_id, credential: credential as Record<string, never>, ...browser(remember) },
      }),
    ),
};

export async function logOut(): Promise<void> {
  try {
    await call(api.POST('/api/v1/auth/logout'));
  } catch {
    // Logging out locally matters more than telling the server; an expired session is fine.
  }
}

export type SwitchableAccount = components['schemas']['SwitchableAccount'];

/** The accounts the login email opens (this portal's, or each business for staff). */
export function myAccounts(): Promise<SwitchableAccount[]> {
  return call(api.GET('/api/v1/auth/accounts')).then((list) => list.items);
}

/** Continues as another account of the same login email; the cookie follows. */
export function switchAccount(accountId: string): Promise<Tokens> {
  return call(api.POST('/api/v1/auth/switch', { body: { account_id: accountId, cookie: true } }));
}

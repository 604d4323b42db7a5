/**
 * Your own passkeys. The same calls serve a client in a portal and staff in the console: the
 * API knows whose passkeys they are from the session the active realm sends.
 */
import { api, call } from '@/api/client';
import type { components } from '@/api/schema';

export type Passkey = components['schemas']['Passkey'];
export type PasskeyList = components['schemas']['PasskeyList'];

export const listPasskeys = () => call(api.GET('/api/v1/auth/passkeys'));

/** A registration ceremony: the creation options for the browser, valid for a few minutes. */
export const passkeyOptions = () => call(api.POST('/api/v1/auth/passkeys/options'));

export const addPasskey = (ceremonyId: string, name: string, credential: object) =>
  call(
    api.POST('/api/v1/auth/passkeys', {
      body: {
        ceremony_id: ceremonyId,
        name,
        credential: credential as components['schemas']['NewPasskey']['credential'],
      },
    }),
  );

export const removePasskey = (id: string) =>
  call(api.DELETE('/api/v1/auth/passkeys/{id}', { params: { path: { id } } }));

import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createPasskey,
  fromBase64url,
  getPasskey,
  PasskeyError,
  passkeysSupported,
  toBase64url,
} from './webauthn';

const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const list = (buffer: unknown) => [...new Uint8Array(buffer as ArrayBuffer)];

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('base64url', () => {
  it('writes bytes without padding, with - and _ instead of + and /', () => {
    expect(toBase64url(bytes(0xfb, 0xff, 0xbf))).toBe('-_-_');
    expect(toBase64url(bytes(1, 2, 3, 4))).toBe('AQIDBA');
    expect(toBase64url(new Uint8Array([9, 8, 7, 6]).subarray(1, 3))).toBe('CAc');
    expect(toBase64url(bytes())).toBe('');
  });

  it('reads what it writes, padded or not, and plain base64 too', () => {
    expect(list(fromBase64url('-_-_'))).toEqual([0xfb, 0xff, 0xbf]);
    expect(list(fromBase64url('AQIDBA'))).toEqual([1, 2, 3, 4]);
    expect(list(fromBase64url('AQIDBA=='))).toEqual([1, 2, 3, 4]);
    expect(list(fromBase64url('+/+/'))).toEqual([0xfb, 0xff, 0xbf]);
    const all = bytes(...Array.from({ length: 256 }, (_, i) => i));
    expect(list(fromBase64url(toBase64url(all)))).toEqual(list(all));
  });
});

/** A browser with WebAuthn but without the JSON helpers (Safari 17, Chrome 120). */
function olderBrowser(credential: unknown) {
  const create = vi.fn(async () => credential);
  const get = vi.fn(async () => credential);
  vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
  vi.stubGlobal('navigator', { ...navigator, credentials: { create, get } });
  return { create, get };
}

const creationOptions = {
  publicKey: {
    rp: { name: 'Lumen', id: 'portal.example' },
    user: { id: 'AQID', name: 'maria@example.com', displayName: 'Maria Lopez' },
    challenge: 'BAUG',
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
    timeout: null,
    excludeCredentials: [{ type: 'public-key', id: 'BwgJ', transports: ['internal'] }],
    authenticatorSelection: { residentKey: 'required', userVerification: 'preferred' },
  },
};

describe('createPasskey in a browser without the JSON helpers', () => {
  it('turns base64url options into bytes and the new credential back into JSON', async () => {
    const { create } = olderBrowser({
      id: 'CgsM',
      rawId: bytes(10, 11, 12),
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: {
        clientDataJSON: bytes(1),
        attestationObject: bytes(2, 3),
        getTransports: () => ['internal', 'hybrid'],
      },
      getClientExtensionResults: () => ({ credProps: { rk: true } }),
    });

    const json = await createPasskey(creationOptions);

    const publicKey = (create.mock.calls[0] as unknown as [CredentialCreationOptions])[0].publicKey!;
    expect(list(publicKey.challenge)).toEqual([4, 5, 6]);
    expect(list(publicKey.user.id)).toEqual([1, 2, 3]);
    expect(list(publicKey.excludeCredentials![0]!.id)).toEqual([7, 8, 9]);
    expect(publicKey.rp).toEqual({ name: 'Lumen', id: 'portal.example' });
    // A null from the server is left out rather than handed to the browser.
    expect('timeout' in publicKey).toBe(false);
    expect(json).toEqual({
      id: 'CgsM',
      rawId: 'CgsM',
      type: 'public-key',
      authenticatorAttachment: 'platform',
      response: { clientDataJSON: 'AQ', attestationObject: 'AgM', transports: ['internal', 'hybrid'] },
      clientExtensionResults: { credProps: { rk: true } },
    });
  });

  it('says an authenticator that already holds a passkey for the account', async () => {
    const { create } = olderBrowser(null);
    create.mockRejectedValueOnce(new DOMException('excluded', 'InvalidStateError'));
    await expect(createPasskey(creationOptions)).rejects.toMatchObject({ reason: 'exists' });
  });
});

describe('getPasskey in a browser without the JSON helpers', () => {
  it('signs the challenge and sends back the assertion as base64url', async () => {
    const { get } = olderBrowser({
      id: 'CgsM',
      rawId: bytes(10, 11, 12),
      type: 'public-key',
      authenticatorAttachment: null,
      response: {
        clientDataJSON: bytes(1),
        authenticatorData: bytes(2),
        signature: bytes(3, 4),
        userHandle: bytes(1, 2, 3),
      },
      getClientExtensionResults: () => ({}),
    });

    const json = await getPasskey({
      publicKey: {
        challenge: 'BAUG',
        rpId: 'portal.example',
        allowCredentials: [{ type: 'public-key', id: 'BwgJ' }],
        userVerification: 'preferred',
      },
    });

    const publicKey = (get.mock.calls[0] as unknown as [CredentialRequestOptions])[0].publicKey!;
    expect(list(publicKey.challenge)).toEqual([4, 5, 6]);
    expect(list(publicKey.allowCredentials![0]!.id)).toEqual([7, 8, 9]);
    expect(publicKey.rpId).toBe('portal.example');
    expect(json).toEqual({
      id: 'CgsM',
      rawId: 'CgsM',
      type: 'public-key',
      authenticatorAttachment: null,
      response: { clientDataJSON: 'AQ', authenticatorData: 'Ag', signature: 'AwQ', userHandle: 'AQID' },
      clientExtensionResults: {},
    });
  });

  it('tells a cancelled or timed-out dialog apart from a failure', async () => {
    const { get } = olderBrowser(null);
    get.mockRejectedValueOnce(
      new DOMException('The operation either timed out or was not allowed.', 'NotAllowedError'),
    );
    const cancelled = await getPasskey({ publicKey: { challenge: 'AA' } }).catch((e: unknown) => e);
    expect(cancelled).toBeInstanceOf(PasskeyError);
    expect(cancelled).toMatchObject({ reason: 'cancelled' });

    get.mockRejectedValueOnce(new DOMException('aborted', 'AbortError'));
    await expect(getPasskey({ publicKey: { challenge: 'AA' } })).rejects.toMatchObject({
      reason: 'cancelled',
    });

    get.mockRejectedValueOnce(new DOMException('wrong origin', 'SecurityError'));
    await expect(getPasskey({ publicKey: { challenge: 'AA' } })).rejects.toMatchObject({ reason: 'failed' });

    // No credential at all is a failure, not a silent success.
    await expect(getPasskey({ publicKey: { challenge: 'AA' } })).rejects.toMatchObject({ reason: 'failed' });
  });
});

describe('in a browser with the JSON helpers', () => {
  it('lets the browser parse the options and write the credential', async () => {
    const parsed = { challenge: bytes(4, 5, 6) };
    const parseRequestOptionsFromJSON = vi.fn(() => parsed);
    const toJSON = vi.fn(() => ({ id: 'from-browser' }));
    vi.stubGlobal(
      'PublicKeyCredential',
      Object.assign(function PublicKeyCredential() {}, { parseRequestOptionsFromJSON }),
    );
    const get = vi.fn(async () => ({ toJSON }));
    vi.stubGlobal('navigator', { ...navigator, credentials: { get } });

    const json = await getPasskey({ publicKey: { challenge: 'BAUG', allowCredentials: [] } });

    expect(parseRequestOptionsFromJSON).toHaveBeenCalledWith({ challenge: 'BAUG', allowCredentials: [] });
    expect(get).toHaveBeenCalledWith({ publicKey: parsed });
    expect(json).toEqual({ id: 'from-browser' });
  });
});

describe('passkeysSupported', () => {
  it('needs PublicKeyCredential and navigator.credentials', () => {
    vi.stubGlobal('PublicKeyCredential', undefined);
    expect(passkeysSupported()).toBe(false);
    olderBrowser(null);
    expect(passkeysSupported()).toBe(true);
  });
});

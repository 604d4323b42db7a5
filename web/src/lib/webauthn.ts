/**
 * Passkeys (WebAuthn) between the API's JSON and the browser. The server speaks the JSON form
 * of the WebAuthn options and credentials (binary fields as base64url); the browser's
 * `navigator.credentials` takes and returns ArrayBuffers. Browsers that know
 * `PublicKeyCredential.parseCreationOptionsFromJSON` and `credential.toJSON()` convert for us;
 * older ones (Safari before 18.4, Chrome before 129, Firefox before 119) get the same result
 * converted here by hand.
 */

/** Why a passkey ceremony did not give a credential, for the words the screen shows. */
export type PasskeyFailure =
  /** The person closed the browser's dialog, or let it time out. */
  | 'cancelled'
  /** On creation: this authenticator already holds a passkey for the account. */
  | 'exists'
  /** Anything else: a wrong origin, an authenticator that failed. */
  | 'failed';

export class PasskeyError extends Error {
  readonly reason: PasskeyFailure;

  constructor(reason: PasskeyFailure, cause?: unknown) {
    super(`Passkey ${reason}`, { cause });
    this.name = 'PasskeyError';
    this.reason = reason;
  }
}

/** Whether this browser can make and use passkeys at all (it needs a secure context too). */
export function passkeysSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    typeof window.PublicKeyCredential === 'function' &&
    typeof navigator !== 'undefined' &&
    Boolean(navigator.credentials)
  );
}

// ---- base64url ↔ bytes ----

export function toBase64url(data: ArrayBuffer | ArrayBufferView): string {
  const bytes =
    data instanceof ArrayBuffer
      ? new Uint8Array(data)
      : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Also accepts plain base64 and padding, which some servers send. */
export function fromBase64url(text: string): ArrayBuffer {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes.buffer;
}

// ---- options: JSON → what navigator.credentials takes ----

/**
 * The JSON protocol leaves out what is not set, but a serializer may write `null`; the
 * browser's dictionaries refuse `null` where a list or number belongs, so nulls go.
 */
function withoutNulls<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNulls) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    ) as T;
  }
  return value;
}

/** `{ publicKey: … }` as the server sends it, or the inner options alone. */
function publicKeyOf<T>(options: object): T {
  const inner = 'publicKey' in options ? (options as { publicKey: unknown }).publicKey : options;
  return withoutNulls(inner) as T;
}

type Descriptor = PublicKeyCredentialDescriptorJSON;

const descriptors = (list: Descriptor[] | undefined): PublicKeyCredentialDescriptor[] | undefined =>
  list?.map((d) => ({
    ...d,
    type: d.type as PublicKeyCredentialType,
    transports: d.transports as AuthenticatorTransport[] | undefined,
    id: fromBase64url(d.id),
  }));

export function creationOptionsFromJSON(
  json: PublicKeyCredentialCreationOptionsJSON,
): PublicKeyCredentialCreationOptions {
  const parse = window.PublicKeyCredential?.parseCreationOptionsFromJSON;
  if (typeof parse === 'function') return parse.call(window.PublicKeyCredential, json);
  return {
    ...json,
    attestation: json.attestation as AttestationConveyancePreference | undefined,
    challenge: fromBase64url(json.challenge),
    user: { ...json.user, id: fromBase64url(json.user.id) },
    excludeCredentials: descriptors(json.excludeCredentials),
    extensions: json.extensions as AuthenticationExtensionsClientInputs | undefined,
  };
}

export function requestOptionsFromJSON(
  json: PublicKeyCredentialRequestOptionsJSON,
): PublicKeyCredentialRequestOptions {
  const parse = window.PublicKeyCredential?.parseRequestOptionsFromJSON;
  if (typeof parse === 'function') return parse.call(window.PublicKeyCredential, json);
  return {
    ...json,
    challenge: fromBase64url(json.challenge),
    allowCredentials: descriptors(json.allowCredentials),
    userVerification: json.userVerification as UserVerificationRequirement | undefined,
    extensions: json.extensions as AuthenticationExtensionsClientInputs | undefined,
  };
}

// ---- credential: what navigator.credentials gives → JSON ----

const BINARY_RESPONSE_FIELDS = [
  'clientDataJSON',
  'attestationObject',
  'authenticatorData',
  'signature',
  'userHandle',
] as const;

/** The same shape as `PublicKeyCredential.toJSON()`, for browsers without it. */
export function credentialToJSON(credential: PublicKeyCredential): Record<string, unknown> {
  const raw = credential.response as unknown as Record<string, unknown> & {
    getTransports?: () => string[];
  };
  const response: Record<string, unknown> = {};
  for (const field of BINARY_RESPONSE_FIELDS) {
    const value = raw[field];
    if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) response[field] = toBase64url(value);
  }
  if (typeof raw.getTransports === 'function') response.transports = raw.getTransports();
  return {
    id: credential.id,
    rawId: toBase64url(credential.rawId),
    type: credential.type,
    authenticatorAttachment: credential.authenticatorAttachment ?? null,
    response,
    clientExtensionResults:
      typeof credential.getClientExtensionResults === 'function'
        ? credential.getClientExtensionResults()
        : {},
  };
}

function jsonOf(credential: PublicKeyCredential): Record<string, unknown> {
  if (typeof credential.toJSON === 'function') {
    try {
      return credential.toJSON() as Record<string, unknown>;
    } catch {
      // Some password-manager extensions hand back credentials whose toJSON throws.
    }
  }
  return credentialToJSON(credential);
}

// ---- the two ceremonies ----

function failureOf(error: unknown, creating: boolean): PasskeyError {
  if (error instanceof PasskeyError) return error;
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  // NotAllowedError is deliberately vague: the person cancelled, or the dialog timed out.
  if (name === 'NotAllowedError' || name === 'AbortError') return new PasskeyError('cancelled', error);
  if (creating && name === 'InvalidStateError') return new PasskeyError('exists', error);
  return new PasskeyError('failed', error);
}

/** Asks the browser to make a passkey for the server's creation options; returns its JSON. */
export async function createPasskey(options: object): Promise<Record<string, unknown>> {
  try {
    const publicKey = creationOptionsFromJSON(publicKeyOf<PublicKeyCredentialCreationOptionsJSON>(options));
    const credential = await navigator.credentials.create({ publicKey });
    if (!credential) throw new PasskeyError('failed');
    return jsonOf(credential as PublicKeyCredential);
  } catch (error) {
    throw failureOf(error, true);
  }
}

/** Asks the browser to sign the server's challenge with a passkey; returns the answer's JSON. */
export async function getPasskey(options: object): Promise<Record<string, unknown>> {
  try {
    const publicKey = requestOptionsFromJSON(publicKeyOf<PublicKeyCredentialRequestOptionsJSON>(options));
    const credential = await navigator.credentials.get({ publicKey });
    if (!credential) throw new PasskeyError('failed');
    return jsonOf(credential as PublicKeyCredential);
  } catch (error) {
    throw failureOf(error, false);
  }
}

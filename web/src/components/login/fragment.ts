export interface LinkFragment {
  token: string | null;
  email: string | null;
}

/** The `#token=…&email=…` of a login link. The fragment never reaches a server log. */
export function readLinkFragment(): LinkFragment {
  const params = new URLSearchParams(window.location.hash.replace(/^#/, ''));
  return { token: params.get('token'), email: params.get('email') };
}

/** Drops the token from the address bar and the history entry once it has been read. */
export function clearFragment() {
  if (window.location.hash) {
    window.history.replaceState(window.history.state, '', window.location.pathname + window.location.search);
  }
}

/**
 * Errors as a person reads them. The API answers every failure with RFC 9457
 * problem+json; its `detail` is written for people, so we show it as it is.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  readonly type: string;
  readonly errors: FieldProblem[];
  /** Seconds from the `Retry-After` header of a 429 or 503, when the server sent one. */
  readonly retryAfter: number | null;

  constructor(init: {
    status: number;
    title: string;
    detail: string;
    type?: string;
    errors?: FieldProblem[];
    retryAfter?: number | null;
  }) {
    super(init.detail);
    this.name = 'ApiProblem';
    this.status = init.status;
    this.title = init.title;
    this.type = init.type ?? 'about:blank';
    this.errors = init.errors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }

  /** The message for one form field, if the server named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }
}

export const OFFLINE = new ApiProblem({
  status: 0,
  title: 'Network error',
  detail: 'We could not reach the server. Check your connection and try again.',
});

function retryAfterOf(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Turns a failed response and its parsed body (if any) into an `ApiProblem`. */
export function problemFrom(response: Response, body: unknown): ApiProblem {
  const p = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const errors = Array.isArray(p.errors)
    ? p.errors.flatMap((e) =>
        typeof e === 'object' && e && 'field' in e && 'message' in e
          ? [{ field: String(e.field), message: String(e.message) }]
          : [],
      )
    : [];
  return new ApiProblem({
    status: response.status,
    title: typeof p.title === 'string' ? p.title : response.statusText || 'Error',
    detail: typeof p.detail === 'string' ? p.detail : fallbackDetail(response.status),
    type: typeof p.type === 'string' ? p.type : undefined,
    errors,
    retryAfter: retryAfterOf(response),
  });
}

function fallbackDetail(status: number): string {
  if (status === 429) return 'Too many attempts. Please wait a moment and try again.';
  if (status >= 500) return 'Something went wrong on our side. Please try again in a moment.';
  if (status === 404) return 'We could not find what you were looking for.';
  return 'The request could not be completed.';
}

/** A message for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiProblem) return error.message;
  return 'Something unexpected happened. Please reload the page and try again.';
}

/**
 * Errors as a person reads them. The API answers every failure with RFC 9457
 * problem+json. Its `detail` is mostly written for people, but validation problems
 * are summarised for API clients ("2 fields are invalid; see 'errors'.") and some
 * messages name fields as code does (`lines[0].quantity`). The wording here turns
 * those into sentences; see `human-problems.ts` for the rules.
 */
import { t } from '@/lib/i18n';
import { humanDetail, humanFieldMessage, summaryOf } from './human-problems';

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  readonly status: number;
  readonly title: string;
  /** The server's own `detail`, for logs; people see `message`. */
  readonly detail: string;
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
    const errors = (init.errors ?? []).map((e) => ({
      field: e.field,
      message: humanFieldMessage(e.message),
    }));
    super(errors.length > 0 ? summaryOf(errors, () => false) : humanDetail(init.detail));
    this.name = 'ApiProblem';
    this.detail = init.detail;
    this.status = init.status;
    this.title = init.title;
    this.type = init.type ?? 'about:blank';
    this.errors = errors;
    this.retryAfter = init.retryAfter ?? null;
  }

  /** The message for one form field, if the server named it. */
  fieldError(field: string): string | undefined {
    return this.errors.find((e) => e.field === field)?.message;
  }

  /** Whether the server refused a field the form does not show, so only a summary can say so. */
  offScreen(onScreen: readonly string[]): boolean {
    return this.errors.some((e) => !onScreen.includes(e.field));
  }

  /**
   * The line above a form: for the fields the form shows (`onScreen`), a pointer to the
   * highlighted ones; the others are named in words, since nothing on screen marks them.
   */
  summary(onScreen: readonly string[] | ((field: string) => boolean)): string {
    if (this.errors.length === 0) return this.message;
    const shown = typeof onScreen === 'function' ? onScreen : (f: string) => onScreen.includes(f);
    return summaryOf(this.errors, shown);
  }
}

/** The problem of a request that never reached the server, in the reader's language. */
export function offline(): ApiProblem {
  return new ApiProblem({ status: 0, title: t('problems.offlineTitle'), detail: t('problems.offline') });
}

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
  if (status === 429) return t('problems.status.tooMany');
  if (status >= 500) return t('problems.status.server');
  if (status === 404) return t('problems.status.notFound');
  return t('problems.status.other');
}

/**
 * A message for any thrown value. A form passes the fields it shows, so a refusal
 * points at them instead of repeating them.
 */
export function messageOf(
  error: unknown,
  onScreen?: readonly string[] | ((field: string) => boolean),
): string {
  if (error instanceof ApiProblem) return onScreen ? error.summary(onScreen) : error.message;
  return t('problems.unexpected');
}

import { m } from './messages';

/** An RFC 9457 problem+json body as the services send it. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  requestId?: string;
  currentVersion?: number;
  errors?: { field: string; message: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    readonly retryAfter: string | null = null,
  ) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }

  get isStale() {
    return this.status === 409 && (this.problem.type?.endsWith('/stale-version') ?? false);
  }

  /** The message for one form field, when the API named it. */
  fieldError(field: string) {
    return this.problem.errors?.find((e) => e.field === field || e.field.endsWith(`.${field}`))?.message;
  }
}

export async function toApiError(response: Response, body?: unknown): Promise<ApiError> {
  let problem: Problem = typeof body === 'object' && body !== null ? (body as Problem) : {};
  if (body === undefined) {
    try {
      problem = (await response.clone().json()) as Problem;
    } catch {
      problem = {};
    }
  }
  return new ApiError(response.status, problem, response.headers.get('Retry-After'));
}

/** What went wrong, in words a user understands. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    const p = error.problem;
    if (error.status === 429) return m.problems.tooMany(error.retryAfter);
    const fields = p.errors?.map((e) => `${e.field} ${e.message}`).join('; ');
    if (fields) return fields;
    if (p.detail) return p.detail;
    if (error.status === 403) return m.problems.forbidden;
    if (error.status === 404) return m.problems.notFound;
    return p.title ?? m.problems.generic(error.status);
  }
  if (error instanceof TypeError) return m.problems.network;
  return error instanceof Error ? error.message : String(error);
}

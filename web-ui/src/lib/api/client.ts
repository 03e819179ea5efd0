// One API layer: typed clients over the types generated from each service's OpenAPI document.
import createClient from 'openapi-fetch';
import type { paths as AuthPaths, components as AuthComponents } from './generated/auth';
import type { paths as CasePaths, components as CaseComponents } from './generated/testcase';
import type { paths as ExecPaths, components as ExecComponents } from './generated/execution';
import { session } from '../session';
import { toApiError } from '../problem';

export type AuthSchemas = AuthComponents['schemas'];
export type CaseSchemas = CaseComponents['schemas'];
export type ExecSchemas = ExecComponents['schemas'];

// Routes that work without an access token: their 401 means wrong credentials, not an ended session.
const ANONYMOUS = /\/api\/auth\/(login|refresh|register|verify|logout|password\/(forgot|reset))$/;

function withToken(request: Request) {
  const token = session.get().token;
  if (token) request.headers.set('Authorization', `Bearer ${token}`);
  return request;
}

/** Sends the access token; on a 401 renews it once from the refresh cookie and tries again. */
export async function authFetch(input: Request): Promise<Response> {
  const again = input.clone();
  const response = await fetch(withToken(input));
  if (response.status !== 401 || ANONYMOUS.test(new URL(input.url).pathname)) return response;
  if (await session.refresh()) return fetch(withToken(again));
  session.clear(true);
  return response;
}

const options = { baseUrl: typeof window === 'undefined' ? 'http://localhost' : window.location.origin, fetch: authFetch };
export const authApi = createClient<AuthPaths>(options);
export const caseApi = createClient<CasePaths>(options);
export const execApi = createClient<ExecPaths>(options);

/** The data of an openapi-fetch answer, or the problem it carried as an ApiError. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) throw await toApiError(response, error);
  return data as T;
}

/** For the few calls the typed client does not fit (file uploads, raw text). */
export async function rawFetch(path: string, init: RequestInit = {}) {
  const response = await authFetch(new Request(new URL(path, options.baseUrl), init));
  if (!response.ok) throw await toApiError(response);
  return response;
}

/**
 * For routes that answer with a JAX-RS Response (201 Created and the like): their OpenAPI
 * operation names no body schema, so the caller names the generated schema the body has.
 */
export const unwrapAs = <T>(call: Promise<{ data?: unknown; error?: unknown; response: Response }>) => unwrap(call) as Promise<T>;

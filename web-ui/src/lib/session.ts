// The signed-in session. The access token lives in this module's memory only (never in web
// storage); the refresh token is an HttpOnly cookie the browser sends to /api/auth, renewed with
// the CSRF cookie echoed in a header (double submit).
import { useSyncExternalStore } from 'react';

export interface SessionUser {
  id?: string;
  email?: string;
  name?: string;
  role?: string;
  emailVerified?: boolean;
  active?: boolean;
  createdAt?: string;
}

interface LoginBody {
  accessToken?: string;
  expiresIn?: number;
  user?: SessionUser;
}

interface State {
  token: string | null;
  user: SessionUser | null;
  /** true once the silent refresh at start-up has answered, one way or the other */
  ready: boolean;
  /** set when a session ended on its own (an API call answered 401 and refresh failed) */
  expired: boolean;
}

let state: State = { token: null, user: null, ready: false, expired: false };
const listeners = new Set<() => void>();
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inflight: Promise<boolean> | null = null;

function set(next: Partial<State>) {
  state = { ...state, ...next };
  listeners.forEach((l) => l());
}

export function csrfCookie(cookies = typeof document === 'undefined' ? '' : document.cookie) {
  const match = cookies.split(/;\s*/).find((c) => c.startsWith('tt_csrf='));
  return match ? decodeURIComponent(match.slice('tt_csrf='.length)) : null;
}

export const session = {
  get: () => state,
  subscribe(listener: () => void) {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  /** Takes the body of login, refresh or password change. */
  accept(body: LoginBody) {
    clearTimeout(refreshTimer);
    if (body.expiresIn) {
      // Renew a minute before the token runs out, so that no request meets an expired token.
      refreshTimer = setTimeout(() => void session.refresh(), Math.max(5, body.expiresIn - 60) * 1000);
    }
    set({ token: body.accessToken ?? null, user: body.user ?? null, ready: true, expired: false });
  },
  clear(expired = false) {
    clearTimeout(refreshTimer);
    set({ token: null, user: null, ready: true, expired });
  },
  /** Renews the access token from the refresh cookie; one request at a time however many callers ask. */
  refresh(): Promise<boolean> {
    if (inflight) return inflight;
    const csrf = csrfCookie();
    if (!csrf) {
      if (!state.ready) set({ ready: true });
      return Promise.resolve(false);
    }
    inflight = fetch('/api/auth/refresh', { method: 'POST', credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf } })
      .then(async (res) => {
        if (!res.ok) return false;
        session.accept((await res.json()) as LoginBody);
        return true;
      })
      .catch(() => false)
      .then((ok) => {
        if (!ok && !state.ready) set({ ready: true });
        return ok;
      })
      .finally(() => {
        inflight = null;
      });
    return inflight;
  },
};

export function useSession() {
  return useSyncExternalStore(session.subscribe, session.get, session.get);
}

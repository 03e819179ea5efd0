import { authFetch } from './client';
import { csrfCookie, session } from '../session';

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

describe('authFetch', () => {
  const calls: Request[] = [];
  beforeEach(() => {
    calls.length = 0;
    session.clear();
    document.cookie = 'tt_csrf=csrf-123; path=/';
  });
  afterEach(() => vi.unstubAllGlobals());

  it('sends the access token and, on a 401, renews it with the CSRF header and sends the request again', async () => {
    session.accept({ accessToken: 'old', user: { id: 'u1' } });
    vi.stubGlobal('fetch', async (input: Request | string, init?: RequestInit) => {
      const request = typeof input === 'string' ? new Request(new URL(input, 'http://localhost'), init) : input;
      calls.push(request);
      if (request.url.endsWith('/api/auth/refresh')) return json(200, { accessToken: 'new', expiresIn: 900, user: { id: 'u1' } });
      return request.headers.get('Authorization') === 'Bearer new' ? json(200, { ok: true }) : json(401, { title: 'Unauthorized' });
    });
    const response = await authFetch(new Request('http://localhost/api/projects', { method: 'POST', body: '{"a":1}' }));
    expect(response.status).toBe(200);
    expect(calls.map((c) => `${c.method} ${new URL(c.url).pathname} ${c.headers.get('Authorization') ?? c.headers.get('X-CSRF-Token')}`)).toEqual([
      'POST /api/projects Bearer old',
      'POST /api/auth/refresh csrf-123',
      'POST /api/projects Bearer new',
    ]);
    expect(await calls[2].text()).toBe('{"a":1}');
    expect(session.get().token).toBe('new');
  });

  it('ends the session when renewal fails, so the page sends the user to sign in', async () => {
    session.accept({ accessToken: 'old', user: { id: 'u1' } });
    vi.stubGlobal('fetch', async () => json(401, { title: 'Unauthorized' }));
    const response = await authFetch(new Request('http://localhost/api/projects'));
    expect(response.status).toBe(401);
    expect(session.get()).toMatchObject({ token: null, expired: true });
  });

  it('takes a 401 of sign-in as wrong credentials, not as an ended session', async () => {
    vi.stubGlobal('fetch', async (input: Request) => {
      calls.push(input);
      return json(401, { detail: 'Wrong e-mail or password.' });
    });
    await authFetch(new Request('http://localhost/api/auth/login', { method: 'POST', body: '{}' }));
    expect(calls).toHaveLength(1);
    expect(session.get().expired).toBe(false);
  });
});

describe('csrfCookie', () => {
  it('reads the CSRF cookie among others', () => {
    expect(csrfCookie('a=1; tt_csrf=abc%3D; b=2')).toBe('abc=');
    expect(csrfCookie('a=1')).toBeNull();
  });
});

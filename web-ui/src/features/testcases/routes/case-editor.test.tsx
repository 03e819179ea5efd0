import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { session } from '@/lib/session';
import CaseEditorPage from './case-editor';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const theCase = (version: number, title: string) => ({
  id: 'c1', projectId: 'p1', key: 'SHOP-7', version, title, type: 'FUNCTIONAL', priority: 'MEDIUM', status: 'DRAFT', tags: [],
  steps: [{ index: 1, action: 'Open the cart', expectedResult: 'It opens' }],
});

describe('the case editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on a stale edit shows both versions and overwrites nothing until the user chooses', async () => {
    session.accept({ accessToken: 't', user: { id: 'u1', role: 'TESTER' } });
    const puts: { version: number; title: string }[] = [];
    let current = theCase(2, 'Pay by card');
    vi.stubGlobal('fetch', async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === 'PUT') {
        const body = await request.json();
        puts.push(body);
        if (body.version !== current.version) {
          return json({ type: '/problems/stale-version', title: 'Stale version', status: 409, detail: 'The case changed.', currentVersion: current.version }, 409);
        }
        current = { ...theCase(current.version + 1, body.title) };
        return json(current);
      }
      if (path === '/api/tests/c1') return puts.length ? json(current) : json(theCase(1, 'Pay by card'));
      if (path === '/api/projects/p1/members') return json([{ userId: 'u1', role: 'TESTER' }]);
      return json([]);
    });
    const router = createMemoryRouter([{ path: '/projects/:projectId/cases/:caseId', element: <CaseEditorPage /> }], { initialEntries: ['/projects/p1/cases/c1'] });
    render(<QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>);
    const title = await screen.findByLabelText('Title');
    await waitFor(() => expect(title).toBeEnabled());
    current = theCase(2, 'Pay by saved card'); // someone else saved meanwhile
    await userEvent.clear(title);
    await userEvent.type(title, 'Pay with a gift card');
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const compare = await screen.findByTestId('stale-compare');
    expect(within(compare).getByText(/Title: Pay by saved card/)).toBeInTheDocument();
    expect(within(compare).getByText(/Title: Pay with a gift card/)).toBeInTheDocument();
    expect(puts).toHaveLength(1);
    expect(current.title).toBe('Pay by saved card');

    await userEvent.click(within(compare).getByRole('button', { name: 'Apply my edit to the new version' }));
    await waitFor(() => expect(puts.map((p) => p.version)).toEqual([1, 2]));
    expect(current).toMatchObject({ version: 3, title: 'Pay with a gift card' });
  });
});

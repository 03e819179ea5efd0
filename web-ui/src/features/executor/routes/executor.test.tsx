import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { session } from '@/lib/session';
import ExecutorPage from './executor';

const step = (index: number, action: string, extra = {}) => ({ index, action, expectedResult: `${action} works`, ...extra });
const execution = (steps: object[]) => ({
  id: 'e1', runId: 'r1', projectId: 'p1', caseKey: 'SHOP-1', caseVersion: 3, title: 'Pay', status: 'NOT_RUN', steps, version: 1, timeSpentMs: 0,
});
const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function setUp(onPut: (body: { status: string; actualResult?: string }) => Response | Promise<Response>) {
  session.accept({ accessToken: 't', user: { id: 'u1', role: 'TESTER' } });
  const puts: object[] = [];
  vi.stubGlobal('fetch', async (request: Request) => {
    const path = new URL(request.url).pathname;
    if (request.method === 'PUT') {
      const body = await request.json();
      puts.push(body);
      return onPut(body);
    }
    if (path === '/api/executions/e1') return json(execution([step(1, 'Open the cart'), step(2, 'Pay')]));
    if (path === '/api/runs/r1/executions') return json({ items: [{ id: 'e1', position: 1 }] });
    if (path === '/api/projects/p1/members') return json([{ userId: 'u1', role: 'TESTER', name: 'Tess' }]);
    if (path === '/api/executions/e1/attachments') return json([]);
    return json({ title: 'Not found' }, 404);
  });
  const router = createMemoryRouter([{ path: '/projects/:projectId/runs/:runId/execute/:executionId', element: <ExecutorPage /> }], {
    initialEntries: ['/projects/p1/runs/r1/execute/e1'],
  });
  render(<QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>);
  return puts;
}

describe('the executor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('records a step with one key, with the actual result typed, and moves on', async () => {
    const user = userEvent.setup();
    const puts = setUp(() => json(execution([step(1, 'Open the cart', { status: 'FAIL', actualResult: 'Empty cart' }), step(2, 'Pay')])));
    expect(await screen.findByText('Runs case version 3')).toBeInTheDocument();
    // Fields open once the user's role in the project is known.
    await waitFor(() => expect(screen.getByLabelText('Actual result')).toBeEnabled());
    await user.type(screen.getByLabelText('Actual result'), 'Empty cart');
    expect(screen.getAllByText('Not saved yet').length).toBeGreaterThan(0);
    await user.keyboard('{Escape}f');
    await waitFor(() => expect(puts).toEqual([{ status: 'FAIL', actualResult: 'Empty cart' }]));
    expect(screen.getByTestId('current-step')).toHaveTextContent('Pay');
    await waitFor(() => expect(screen.queryByText('Not saved yet')).not.toBeInTheDocument());
  });

  it('marks every step saved when saves overlap, the earlier one answering last', async () => {
    const user = userEvent.setup();
    setUp(async (body) => {
      const first = body.status === 'PASS';
      if (first) await new Promise((r) => setTimeout(r, 400));
      return json(execution([step(1, 'Open the cart', { status: 'PASS' }), step(2, 'Pay', first ? {} : { status: 'FAIL' })]));
    });
    await screen.findByText('Runs case version 3');
    await waitFor(() => expect(screen.getByLabelText('Actual result')).toBeEnabled());
    await user.keyboard('p');
    await user.keyboard('f');
    await waitFor(() => expect(screen.queryByText('Not saved yet')).not.toBeInTheDocument(), { timeout: 3000 });
  });

  it('keeps a step unsaved and retries while the network fails, then saves it', async () => {
    const user = userEvent.setup();
    let calls = 0;
    const puts = setUp(() => {
      calls += 1;
      if (calls === 1) throw new TypeError('Failed to fetch');
      return json(execution([step(1, 'Open the cart', { status: 'PASS' }), step(2, 'Pay')]));
    });
    await screen.findByText('Runs case version 3');
    await waitFor(() => expect(screen.getByLabelText('Actual result')).toBeEnabled());
    await user.keyboard('p');
    expect(await screen.findByText('Not saved yet')).toBeInTheDocument();
    await waitFor(() => expect(puts).toHaveLength(2), { timeout: 8000 });
    await waitFor(() => expect(screen.queryByText('Not saved yet')).not.toBeInTheDocument());
    expect(screen.getByRole('button', { name: /Open the cart/ })).toHaveTextContent('Pass');
  }, 15_000);
});

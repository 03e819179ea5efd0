import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { session } from '@/lib/session';
import { CreateRunDialog } from './create-run-dialog';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderDialog() {
  const router = createMemoryRouter(
    [{ path: '/', element: <CreateRunDialog projectId="p1" open onOpenChange={() => {}} caseIds={['c1', 'c2']} /> }, { path: '/projects/p1/runs/:id', element: <p>run page</p> }],
    { initialEntries: ['/'] },
  );
  render(<QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>);
}

describe('the run dialog', () => {
  afterEach(() => vi.unstubAllGlobals());
  beforeEach(() => session.accept({ accessToken: 't', user: { id: 'u1', role: 'TESTER' } }));

  it('previews the configurations of a matrix and sends the matrix', async () => {
    const posted: unknown[] = [];
    vi.stubGlobal('fetch', async (request: Request) => {
      if (request.method === 'POST') {
        posted.push(await request.json());
        return json({ id: 'r1' }, 201);
      }
      return json([]);
    });
    renderDialog();
    await userEvent.type(screen.getByLabelText('Run name'), 'Release 5');
    await userEvent.type(screen.getByLabelText('Dimension 1: Values (comma-separated)'), 'Chrome, Firefox');
    await userEvent.click(screen.getByRole('button', { name: 'Add dimension' }));
    await userEvent.type(screen.getByLabelText('Dimension 2: Values (comma-separated)'), 'Linux, Windows');
    expect(screen.getByTestId('matrix-preview')).toHaveTextContent('4 configurations: Chrome / Linux · Chrome / Windows · Firefox / Linux · Firefox / Windows');
    await userEvent.click(screen.getByRole('button', { name: 'Create' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ name: 'Release 5', matrix: { Browser: ['Chrome', 'Firefox'], OS: ['Linux', 'Windows'] }, selection: { caseIds: ['c1', 'c2'] } });
    expect(await screen.findByText('run page')).toBeInTheDocument();
  });

  it('says what is wrong with a matrix and does not create the run', async () => {
    vi.stubGlobal('fetch', async () => json([]));
    renderDialog();
    await userEvent.type(screen.getByLabelText('Run name'), 'Release 5');
    await userEvent.type(screen.getByLabelText('Dimension 1: Values (comma-separated)'), 'Chrome');
    await userEvent.click(screen.getByRole('button', { name: 'Add dimension' }));
    await userEvent.clear(screen.getByLabelText('Dimension 2: Name'));
    await userEvent.type(screen.getByLabelText('Dimension 2: Values (comma-separated)'), 'Linux');
    expect(screen.getByRole('alert')).toHaveTextContent('dimension 2 needs a name');
    expect(screen.getByRole('button', { name: 'Create' })).toBeDisabled();
  });
});

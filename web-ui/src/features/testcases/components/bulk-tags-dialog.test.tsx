import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { session } from '@/lib/session';
import { BulkTagsDialog } from './bulk-tags-dialog';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function renderDialog(onDone = vi.fn()) {
  render(
    <QueryClientProvider client={new QueryClient()}>
      <BulkTagsDialog projectId="p1" ids={['c1', 'c2']} open onOpenChange={() => {}} onDone={onDone} />
    </QueryClientProvider>,
  );
  return onDone;
}

describe('the bulk tags dialog', () => {
  afterEach(() => vi.unstubAllGlobals());
  beforeEach(() => session.accept({ accessToken: 't', user: { id: 'u1', role: 'TESTER' } }));

  it('names a tag the service would refuse and sends nothing', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', async (request: Request) => { sent.push(await request.json()); return json({ affected: 2 }); });
    renderDialog();
    await userEvent.type(screen.getByLabelText('Add tags'), 'smoke');
    await userEvent.type(screen.getByLabelText('Remove tags'), 'Smoke');
    await userEvent.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByText("'smoke' cannot be added and removed at once")).toBeInTheDocument();
    expect(sent).toEqual([]);
  });

  it('adds and removes tags on every selected case in one request', async () => {
    const sent: unknown[] = [];
    vi.stubGlobal('fetch', async (request: Request) => { sent.push(await request.json()); return json({ affected: 2 }); });
    const onDone = renderDialog();
    await userEvent.type(screen.getByLabelText('Add tags'), 'Regression, p1');
    await userEvent.type(screen.getByLabelText('Remove tags'), 'flaky{Enter}');
    await waitFor(() => expect(onDone).toHaveBeenCalledWith(2));
    expect(sent).toEqual([{ projectId: 'p1', ids: ['c1', 'c2'], action: 'UPDATE', addTags: ['regression', 'p1'], removeTags: ['flaky'] }]);
  });

  it('shows the refusal of the service in its words', async () => {
    vi.stubGlobal('fetch', async () =>
      json({ type: '/problems/not-found', title: 'Not found', status: 404, detail: 'Some cases are not in this project.' }, 404));
    const onDone = renderDialog();
    await userEvent.type(screen.getByLabelText('Add tags'), 'smoke{Enter}');
    expect(await screen.findByText('Some cases are not in this project.')).toBeInTheDocument();
    expect(onDone).not.toHaveBeenCalled();
  });
});

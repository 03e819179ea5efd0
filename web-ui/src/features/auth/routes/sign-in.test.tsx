import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import SignIn, { safeNext } from './sign-in';

describe('safeNext', () => {
  it('returns only paths of this app', () => {
    expect(safeNext('/projects/1/runs')).toBe('/projects/1/runs');
    expect(safeNext('//evil.example')).toBe('/projects');
    expect(safeNext('https://evil.example')).toBe('/projects');
    expect(safeNext(null)).toBe('/projects');
  });
});

describe('SignIn', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the problem the API answered, in words', async () => {
    vi.stubGlobal('fetch', async () =>
      new Response(JSON.stringify({ status: 401, title: 'Unauthorized', detail: 'Wrong e-mail or password.', requestId: 'r-1' }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const router = createMemoryRouter([{ path: '/sign-in', element: <SignIn /> }], { initialEntries: ['/sign-in?expired=1'] });
    render(<QueryClientProvider client={new QueryClient()}><RouterProvider router={router} /></QueryClientProvider>);
    expect(screen.getByText(/session has ended/)).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('E-mail'), 'a@example.com');
    await userEvent.type(screen.getByLabelText('Password'), 'whatever-password');
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong e-mail or password.');
    expect(screen.getByRole('alert')).toHaveTextContent('Reference: r-1');
  });
});

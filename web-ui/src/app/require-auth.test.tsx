import { render, screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { session } from '@/lib/session';
import { RequireAuth } from './require-auth';

function Where() {
  const l = useLocation();
  return <p>at {l.pathname + l.search}</p>;
}

const routes = [
  { element: <RequireAuth />, children: [{ path: '/projects/:id/runs', element: <p>runs page</p> }] },
  { path: '/sign-in', element: <Where /> },
];

describe('RequireAuth', () => {
  it('sends a visitor without a session to sign in, with the way back', () => {
    session.clear(true);
    render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/projects/p1/runs?status=FAILED'] })} />);
    expect(screen.getByText('at /sign-in?next=%2Fprojects%2Fp1%2Fruns%3Fstatus%3DFAILED&expired=1')).toBeInTheDocument();
  });

  it('shows the page to a signed-in user', () => {
    session.accept({ accessToken: 't', user: { id: 'u1' } });
    render(<RouterProvider router={createMemoryRouter(routes, { initialEntries: ['/projects/p1/runs'] })} />);
    expect(screen.getByText('runs page')).toBeInTheDocument();
  });
});

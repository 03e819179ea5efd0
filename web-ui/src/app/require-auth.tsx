import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession } from '@/lib/session';
import { Skeleton } from '@/components/ui/misc';

/** Pages behind sign-in: without a session, go to sign-in and come back here afterwards. */
export function RequireAuth() {
  const { token, ready, expired } = useSession();
  const location = useLocation();
  if (!ready) {
    return (
      <div className="mx-auto max-w-3xl p-8">
        <Skeleton rows={4} />
      </div>
    );
  }
  if (!token) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}${expired ? '&expired=1' : ''}`} replace />;
  }
  return <Outlet />;
}

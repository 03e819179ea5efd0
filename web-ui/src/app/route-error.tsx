import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { ProblemAlert } from '@/components/ui/misc';
import { m } from '@/lib/messages';

export function RouteError() {
  const error = useRouteError();
  return (
    <main className="mx-auto max-w-xl p-8">
      <h1 className="mb-3 text-xl font-semibold">{isRouteErrorResponse(error) && error.status === 404 ? m.app.notFound : m.app.crashed}</h1>
      {!isRouteErrorResponse(error) && <ProblemAlert error={error} />}
      <Link className="mt-4 inline-block text-accent underline" to="/projects">
        {m.app.back}
      </Link>
    </main>
  );
}

import { createBrowserRouter, Navigate } from 'react-router';
import { RequireAuth } from './require-auth';
import { AppLayout, AuthLayout } from './layout';
import { RouteError } from './route-error';

// Every page is its own chunk: the first page loads only what it shows.
const page = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({ Component: (await load()).default });

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      {
        element: <AuthLayout />,
        children: [
          { path: '/sign-in', lazy: page(() => import('@/features/auth/routes/sign-in')) },
          { path: '/register', lazy: page(() => import('@/features/auth/routes/register')) },
          { path: '/verify-email', lazy: page(() => import('@/features/auth/routes/verify-email')) },
          { path: '/forgot-password', lazy: page(() => import('@/features/auth/routes/forgot-password')) },
          { path: '/reset-password', lazy: page(() => import('@/features/auth/routes/reset-password')) },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <Navigate to="/projects" replace /> },
              { path: '/projects', lazy: page(() => import('@/features/projects/routes/project-list')) },
              { path: '/projects/:projectId', element: <Navigate to="cases" replace /> },
              { path: '/projects/:projectId/settings', lazy: page(() => import('@/features/projects/routes/project-settings')) },
              { path: '/projects/:projectId/cases', lazy: page(() => import('@/features/testcases/routes/cases-page')) },
              { path: '/projects/:projectId/cases/trash', lazy: page(() => import('@/features/testcases/routes/trash-page')) },
              { path: '/projects/:projectId/cases/new', lazy: page(() => import('@/features/testcases/routes/case-editor')) },
              { path: '/projects/:projectId/cases/:caseId', lazy: page(() => import('@/features/testcases/routes/case-editor')) },
              { path: '/projects/:projectId/cases/:caseId/history', lazy: page(() => import('@/features/testcases/routes/case-history')) },
              { path: '/projects/:projectId/runs', lazy: page(() => import('@/features/runs/routes/run-list')) },
              { path: '/projects/:projectId/runs/compare', lazy: page(() => import('@/features/runs/routes/run-compare')) },
              { path: '/projects/:projectId/runs/:runId', lazy: page(() => import('@/features/runs/routes/run-page')) },
              { path: '/projects/:projectId/runs/:runId/execute/:executionId', lazy: page(() => import('@/features/executor/routes/executor')) },
              { path: '/projects/:projectId/ci', lazy: page(() => import('@/features/ci/routes/ci-page')) },
              { path: '/account', lazy: page(() => import('@/features/auth/routes/account')) },
              { path: '/admin/users', lazy: page(() => import('@/features/admin/routes/users')) },
              { path: '/admin/audit', lazy: page(() => import('@/features/admin/routes/audit')) },
              { path: '*', lazy: page(() => import('./not-found')) },
            ],
          },
        ],
      },
    ],
  },
]);

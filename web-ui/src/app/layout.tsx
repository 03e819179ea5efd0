import { Link, NavLink, Outlet, useNavigate, useParams } from 'react-router';
import { DropdownMenu } from 'radix-ui';
import { CheckSquare, FlaskConical, LogOut, Moon, PlayCircle, Settings, TerminalSquare, User, Users, ScrollText } from 'lucide-react';
import { Suspense } from 'react';
import clsx from 'clsx';
import { useSession, session } from '@/lib/session';
import { m } from '@/lib/messages';
import { toggleTheme } from '@/lib/theme';
import { authApi } from '@/lib/api/client';
import { queryClient } from '@/lib/query-client';
import { Skeleton } from '@/components/ui/misc';
import { useProject } from '@/features/projects/api/projects';

const navLink = ({ isActive }: { isActive: boolean }) =>
  clsx('flex items-center gap-1.5 rounded-md px-2.5 py-1.5 text-sm', isActive ? 'bg-sunken font-medium text-fg' : 'text-muted hover:text-fg');

function ProjectNav({ projectId }: { projectId: string }) {
  const project = useProject(projectId);
  const base = `/projects/${projectId}`;
  return (
    <>
      <span className="hidden text-sm text-muted sm:inline" aria-hidden>
        /
      </span>
      <Link to={`${base}/cases`} className="max-w-48 truncate text-sm font-medium">
        {project.data ? `${project.data.key} · ${project.data.name}` : '…'}
      </Link>
      <nav aria-label={m.nav.projects} className="flex flex-wrap gap-1">
        <NavLink to={`${base}/cases`} className={navLink}>
          <CheckSquare size={15} aria-hidden /> {m.nav.cases}
        </NavLink>
        <NavLink to={`${base}/runs`} className={navLink}>
          <PlayCircle size={15} aria-hidden /> {m.nav.runs}
        </NavLink>
        <NavLink to={`${base}/ci`} className={navLink}>
          <TerminalSquare size={15} aria-hidden /> {m.nav.ci}
        </NavLink>
        <NavLink to={`${base}/settings`} className={navLink}>
          <Settings size={15} aria-hidden /> {m.nav.settings}
        </NavLink>
      </nav>
    </>
  );
}

export async function signOut(everywhere: boolean) {
  try {
    await (everywhere ? authApi.POST('/api/auth/logout-all') : authApi.POST('/api/auth/logout'));
  } finally {
    session.clear();
    queryClient.clear();
  }
}

function AccountMenu() {
  const { user } = useSession();
  const navigate = useNavigate();
  const item = 'flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm outline-none data-[highlighted]:bg-sunken';
  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-sunken" aria-label={m.nav.menu}>
        <User size={16} aria-hidden /> <span className="hidden max-w-40 truncate md:inline">{user?.name}</span>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content align="end" sideOffset={6} className="z-50 min-w-48 rounded-md border border-line bg-raised p-1 text-fg shadow-lg">
          <DropdownMenu.Label className="px-2 py-1 text-xs text-muted">{user?.email}</DropdownMenu.Label>
          <DropdownMenu.Item className={item} onSelect={() => navigate('/account')}>
            <User size={15} aria-hidden /> {m.nav.account}
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="my-1 h-px bg-line" />
          <DropdownMenu.Item className={item} onSelect={() => void signOut(false).then(() => navigate('/sign-in'))}>
            <LogOut size={15} aria-hidden /> {m.nav.signOut}
          </DropdownMenu.Item>
          <DropdownMenu.Item className={item} onSelect={() => void signOut(true).then(() => navigate('/sign-in?all=1'))}>
            <LogOut size={15} aria-hidden /> {m.nav.signOutAll}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

export function AppLayout() {
  const { user } = useSession();
  const { projectId } = useParams();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-raised focus:p-2">
        {m.app.skip}
      </a>
      <header className="sticky top-0 z-30 border-b border-line bg-raised/95 backdrop-blur">
        <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-2">
          <Link to="/projects" className="flex items-center gap-2 font-semibold">
            <FlaskConical size={20} className="text-accent" aria-hidden /> {m.app.name}
          </Link>
          <nav aria-label={m.nav.main} className="flex gap-1">
            <NavLink to="/projects" end className={navLink}>
              {m.nav.projects}
            </NavLink>
            {user?.role === 'ADMIN' && (
              <>
                <NavLink to="/admin/users" className={navLink}>
                  <Users size={15} aria-hidden /> {m.nav.users}
                </NavLink>
                <NavLink to="/admin/audit" className={navLink}>
                  <ScrollText size={15} aria-hidden /> {m.nav.audit}
                </NavLink>
              </>
            )}
          </nav>
          {projectId && <ProjectNav projectId={projectId} />}
          <div className="ml-auto flex items-center gap-1">
            <button type="button" onClick={toggleTheme} className="rounded-md p-2 text-muted hover:bg-sunken hover:text-fg" aria-label={m.nav.theme}>
              <Moon size={16} aria-hidden />
            </button>
            <AccountMenu />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        <Suspense fallback={<Skeleton rows={6} />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}

export function AuthLayout() {
  return (
    <div className="flex min-h-screen items-center justify-center bg-sunken px-4 py-10">
      <main id="main" className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-xl font-semibold">
          <FlaskConical className="text-accent" aria-hidden /> {m.app.name}
        </div>
        <div className="rounded-lg border border-line bg-raised p-6 shadow-sm">
          <Outlet />
        </div>
      </main>
    </div>
  );
}

import type { ReactNode } from 'react';
import clsx from 'clsx';
import { AlertTriangle, Inbox } from 'lucide-react';
import { describeError, ApiError } from '@/lib/problem';
import { m } from '@/lib/messages';

export function Card({ className, children }: { className?: string; children: ReactNode }) {
  return <section className={clsx('rounded-lg border border-line bg-raised p-4', className)}>{children}</section>;
}

export function PageHeader({ title, actions, children }: { title: string; actions?: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-5 flex flex-wrap items-end justify-between gap-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        {children && <div className="mt-1 text-sm text-muted">{children}</div>}
      </div>
      {actions && <div className="flex flex-wrap gap-2">{actions}</div>}
    </header>
  );
}

export function Skeleton({ className, rows = 1 }: { className?: string; rows?: number }) {
  return (
    <div role="status" aria-label={m.app.loading} className="flex flex-col gap-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={clsx('h-9 animate-pulse rounded-md bg-sunken', className)} />
      ))}
    </div>
  );
}

export function EmptyState({ title, body, action }: { title: string; body: string; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center gap-2 rounded-lg border border-dashed border-line px-6 py-10 text-center">
      <Inbox className="text-muted" aria-hidden />
      <h2 className="font-semibold">{title}</h2>
      <p className="max-w-md text-sm text-muted">{body}</p>
      {action && <div className="mt-2">{action}</div>}
    </div>
  );
}

export function ProblemAlert({ error, className }: { error: unknown; className?: string }) {
  if (!error) return null;
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  return (
    <div role="alert" className={clsx('flex gap-2 rounded-md border border-danger/40 bg-danger/10 p-3 text-sm text-danger', className)}>
      <AlertTriangle size={16} className="mt-0.5 shrink-0" aria-hidden />
      <div>
        <p>{describeError(error)}</p>
        {requestId && <p className="mt-1 text-xs opacity-80">{m.problems.requestId(requestId)}</p>}
      </div>
    </div>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="rounded-md border border-pass/40 bg-pass/10 p-3 text-sm text-fg">
      {children}
    </div>
  );
}

const statusColours: Record<string, string> = {
  PASSED: 'bg-pass/15 text-pass', PASS: 'bg-pass/15 text-pass',
  FAILED: 'bg-fail/15 text-fail', FAIL: 'bg-fail/15 text-fail',
  BLOCKED: 'bg-blocked/15 text-blocked',
  SKIPPED: 'bg-skip/15 text-skip', NOT_RUN: 'bg-sunken text-muted', RETEST: 'bg-blocked/15 text-blocked', IN_PROGRESS: 'bg-accent/15 text-accent',
};

export function StatusBadge({ status }: { status?: string | null }) {
  const s = status ?? 'NOT_RUN';
  return <span className={clsx('inline-flex rounded px-1.5 py-0.5 text-xs font-medium', statusColours[s] ?? 'bg-sunken text-muted')}>{m.status[s] ?? s}</span>;
}

export function Badge({ children }: { children: ReactNode }) {
  return <span className="inline-flex rounded border border-line px-1.5 py-0.5 text-xs text-muted">{children}</span>;
}

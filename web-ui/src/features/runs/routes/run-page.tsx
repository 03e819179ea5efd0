import { lazy, Suspense, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Play, RotateCcw, Lock } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { Badge, Card, EmptyState, PageHeader, ProblemAlert, Skeleton, StatusBadge } from '@/components/ui/misc';
import { formatDateTime, formatDuration, formatNumber, formatPercent } from '@/lib/format';
import { m } from '@/lib/messages';
import { useMembers, useProjectAccess } from '@/features/projects/api/projects';
import { EXECUTION_STATUSES, progress, useExecutions, useRun, useRunMutations } from '../api/runs';
import { ProgressBar } from '../components/progress-bar';

// Recharts is the heaviest library here: it loads with the run page's chart only.
const StatusChart = lazy(() => import('../components/status-chart'));
const FAILURES = ['FAILED', 'BLOCKED', 'RETEST'];

export default function RunPage() {
  const { projectId = '', runId = '' } = useParams();
  const navigate = useNavigate();
  const run = useRun(runId);
  const [status, setStatus] = useState('');
  const executions = useExecutions(runId, status || undefined);
  const access = useProjectAccess(projectId);
  const members = useMembers(projectId);
  const nameOf = (id?: string | null) => members.data?.find((mb) => mb.userId === id)?.name ?? '';
  const [assignee, setAssignee] = useState('');
  const { rerun, close } = useRunMutations(projectId);
  const counts = (run.data?.counts ?? {}) as Record<string, number>;
  const p = progress(counts);
  const mayExecute = access.may('EXECUTE') ? null : m.common.noPermission('execute tests');
  const imported = run.data?.origin && run.data.origin !== 'MANUAL';
  // Imported CI runs: failures first.
  const rows = [...(executions.data ?? [])].filter((e) => !assignee || e.assignee === assignee).sort((a, b) =>
    imported ? Number(FAILURES.includes(b.status ?? '')) - Number(FAILURES.includes(a.status ?? '')) || (a.position ?? 0) - (b.position ?? 0) : (a.position ?? 0) - (b.position ?? 0),
  );
  const firstOpen = rows.find((e) => e.status === 'NOT_RUN' || e.status === 'IN_PROGRESS') ?? rows[0];

  if (run.isPending) return <Skeleton rows={6} />;
  if (run.error) return <ProblemAlert error={run.error} />;
  const r = run.data!;
  return (
    <>
      <PageHeader
        title={r.name ?? ''}
        actions={
          <>
            <Button onClick={() => rerun.mutate(runId, { onSuccess: (n) => navigate(`/projects/${projectId}/runs/${n.id}`) })} disabledReason={mayExecute} disabled={!FAILURES.some((s) => counts[s])}>
              <RotateCcw size={15} aria-hidden /> {m.runs.rerun}
            </Button>
            {r.status !== 'COMPLETED' && (
              <Button onClick={() => close.mutate(runId)} disabledReason={access.may('MANAGE') || access.may('EXECUTE') ? null : m.common.noPermission('close runs')}>
                <Lock size={15} aria-hidden /> {m.runs.close}
              </Button>
            )}
            {firstOpen && (
              <Button variant="primary" disabledReason={mayExecute} onClick={() => navigate(`execute/${firstOpen.id}`)}>
                <Play size={15} aria-hidden /> {m.runs.execute}
              </Button>
            )}
          </>
        }
      >
        <span className="flex flex-wrap items-center gap-2">
          <StatusBadge status={r.status} /> {r.origin && <Badge>{r.origin}</Badge>} {r.environment && <Badge>{r.environment}</Badge>}
          {r.buildVersion && <Badge>{r.buildVersion}</Badge>} {formatDateTime(r.createdAt)}
        </span>
      </PageHeader>
      <ProblemAlert error={rerun.error ?? close.error} className="mb-4" />
      <div className="mb-6 grid gap-4 lg:grid-cols-[1fr_1.2fr]">
        <Card>
          <h2 className="mb-2 font-semibold">{m.runs.progress}</h2>
          <p className="mb-3 text-3xl font-semibold tabular-nums" data-testid="run-progress">{formatPercent(p.fraction)}</p>
          <ProgressBar counts={counts} />
          <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4" data-testid="run-counts">
            {EXECUTION_STATUSES.map((s) => (
              <div key={s} className="flex justify-between gap-2">
                <dt className="text-muted">{m.status[s]}</dt>
                <dd className="tabular-nums" data-status={s}>{formatNumber(counts[s] ?? 0)}</dd>
              </div>
            ))}
            <div className="flex justify-between gap-2 font-medium"><dt>{m.runs.total}</dt><dd className="tabular-nums">{formatNumber(p.total)}</dd></div>
          </dl>
        </Card>
        <Card>
          <Suspense fallback={<Skeleton className="h-56" />}>
            <StatusChart counts={counts} />
          </Suspense>
        </Card>
      </div>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="font-semibold">{m.runs.executions}</h2>
        <span className="flex gap-2">
        <Select aria-label={m.runs.assignee} value={assignee} onChange={(e) => setAssignee(e.target.value)} className="w-auto">
          <option value="">{m.runs.assignee}: {m.common.all}</option>
          {members.data?.map((mb) => <option key={mb.userId} value={mb.userId}>{mb.name}</option>)}
        </Select>
        <Select aria-label={m.common.status} value={status} onChange={(e) => setStatus(e.target.value)} className="w-auto">
          <option value="">{m.common.status}: {m.common.all}</option>
          {EXECUTION_STATUSES.map((s) => <option key={s} value={s}>{m.status[s]}</option>)}
        </Select>
        </span>
      </div>
      <ProblemAlert error={executions.error} />
      {executions.isPending && <Skeleton rows={5} />}
      {executions.isSuccess && rows.length === 0 && <EmptyState title={m.runs.emptyTitle} body={m.runs.noneSelected} />}
      {rows.length > 0 && (
        <table className="w-full text-sm">
          <thead className="text-left text-muted">
            <tr><th className="py-2">#</th><th>Key</th><th>{m.cases.caseTitle}</th><th>{m.runs.configuration}</th><th>{m.runs.assignee}</th><th>{m.common.status}</th><th className="text-right">⏱</th></tr>
          </thead>
          <tbody>
            {rows.map((e) => (
              <tr key={e.id} className="border-t border-line hover:bg-sunken/60">
                <td className="py-2 tabular-nums text-muted">{e.position}</td>
                <td className="font-mono text-xs">{e.caseKey ?? e.automationKey}</td>
                <td>
                  <Link className="hover:text-accent hover:underline" to={`execute/${e.id}`}>{e.title}</Link>
                  {e.flaky && <span className="ml-2"><Badge>{m.runs.flaky}</Badge></span>}
                </td>
                <td>{e.configuration}</td>
                <td>{nameOf(e.assignee)}</td>
                <td><StatusBadge status={e.status} /></td>
                <td className="text-right tabular-nums text-muted">{e.durationMs != null ? formatDuration(e.durationMs) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { GitCompare, PlayCircle } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Badge, EmptyState, PageHeader, ProblemAlert, Skeleton, StatusBadge } from '@/components/ui/misc';
import { formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { m } from '@/lib/messages';
import { useProjectAccess } from '@/features/projects/api/projects';
import { progress, useRuns } from '../api/runs';
import { CreateRunDialog } from '../components/create-run-dialog';
import { ProgressBar } from '../components/progress-bar';

export default function RunList() {
  const { projectId = '' } = useParams();
  const runs = useRuns(projectId);
  const access = useProjectAccess(projectId);
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const list = runs.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const button = (
    <Button variant="primary" onClick={() => setCreating(true)} disabledReason={access.may('EXECUTE') ? null : m.common.noPermission('create runs')}>
      <PlayCircle size={15} aria-hidden /> {m.runs.create}
    </Button>
  );
  return (
    <>
      <PageHeader
        title={m.runs.title}
        actions={
          <>
            <Button disabled={picked.length !== 2} onClick={() => navigate(`compare?a=${picked[0]}&b=${picked[1]}`)}>
              <GitCompare size={15} aria-hidden /> {m.runs.compareTitle}
            </Button>
            {button}
          </>
        }
      />
      <ProblemAlert error={runs.error} />
      {runs.isPending && <Skeleton rows={5} className="h-14" />}
      {runs.isSuccess && list.length === 0 && <EmptyState title={m.runs.emptyTitle} body={m.runs.emptyBody} action={button} />}
      <ul className="flex flex-col gap-2">
        {list.map((r) => {
          const p = progress(r.counts as Record<string, number>);
          return (
            <li key={r.id} className="flex items-center gap-3 rounded-lg border border-line bg-raised p-3">
              <input type="checkbox" aria-label={`${m.runs.compareTitle}: ${r.name}`} checked={picked.includes(r.id!)} onChange={(e) => setPicked(e.target.checked ? [...picked, r.id!].slice(-2) : picked.filter((x) => x !== r.id))} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-2">
                  <Link to={r.id!} className="truncate font-medium hover:text-accent hover:underline">{r.name}</Link>
                  <StatusBadge status={r.status} />
                  {r.origin && <Badge>{r.origin}</Badge>}
                  {r.environment && <Badge>{r.environment}</Badge>}
                </div>
                <p className="text-xs text-muted">{formatDateTime(r.createdAt)}</p>
              </div>
              <div className="hidden w-64 sm:block"><ProgressBar counts={r.counts as Record<string, number>} /></div>
              <span className="w-28 text-right text-sm tabular-nums">{formatNumber(p.done)} / {formatNumber(p.total)} · {formatPercent(p.fraction)}</span>
            </li>
          );
        })}
      </ul>
      <CreateRunDialog projectId={projectId} open={creating} onOpenChange={setCreating} />
    </>
  );
}

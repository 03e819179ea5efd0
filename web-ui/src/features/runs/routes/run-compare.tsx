import { Link, useParams, useSearchParams } from 'react-router';
import { EmptyState, PageHeader, ProblemAlert, Skeleton, StatusBadge, Badge } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { useCompare, useRun } from '../api/runs';

export default function RunCompare() {
  const { projectId = '' } = useParams();
  const [params] = useSearchParams();
  const a = params.get('a');
  const b = params.get('b');
  const compare = useCompare(a, b);
  const runA = useRun(a ?? '');
  const runB = useRun(b ?? '');
  return (
    <>
      <PageHeader title={m.runs.compareTitle}>
        <Link className="text-accent underline" to={`/projects/${projectId}/runs/${a}`}>{runA.data?.name}</Link> → <Link className="text-accent underline" to={`/projects/${projectId}/runs/${b}`}>{runB.data?.name}</Link>
      </PageHeader>
      <ProblemAlert error={compare.error} />
      {compare.isPending && <Skeleton rows={5} />}
      {compare.data?.length === 0 && <EmptyState title={m.runs.compareTitle} body={m.cases.noMatch} />}
      {!!compare.data?.length && (
        <table className="w-full text-sm">
          <thead className="text-left text-muted"><tr><th className="py-2">Key</th><th>{m.cases.caseTitle}</th><th>{runA.data?.name}</th><th>{runB.data?.name}</th><th>{m.runs.changed}</th></tr></thead>
          <tbody>
            {compare.data.map((c, i) => (
              <tr key={i} className="border-t border-line">
                <td className="py-2 font-mono text-xs">{c.caseKey ?? c.automationKey}</td>
                <td>{c.title}{c.configuration ? ` (${c.configuration})` : ''}</td>
                <td><StatusBadge status={c.statusA} /></td>
                <td><StatusBadge status={c.statusB} /></td>
                <td>{c.change && <Badge>{c.change}</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Card, EmptyState, PageHeader, ProblemAlert, Skeleton, Badge } from '@/components/ui/misc';
import { execApi, unwrap } from '@/lib/api/client';
import { formatDateTime, formatNumber } from '@/lib/format';
import { m } from '@/lib/messages';
import { useProject } from '@/features/projects/api/projects';
import { CopyButton } from '@/features/projects/components/copy-button';
import { progress } from '@/features/runs/api/runs';

export function curlLine(origin: string, projectId: string) {
  return `curl -fsS "${origin}/api/imports/junit?projectId=${projectId}&buildVersion=$BUILD_ID" \\
  -H "Authorization: Bearer $TESTTRACK_TOKEN" -H "Content-Type: application/xml" \\
  -H "Idempotency-Key: build-$BUILD_ID" --data-binary @target/surefire-reports/TEST-all.xml`;
}

export function githubStep(origin: string, projectId: string) {
  return `- name: Send test results to TestTrack Pro
  if: always()
  env:
    TESTTRACK_TOKEN: \${{ secrets.TESTTRACK_TOKEN }}
  run: |
    for f in target/surefire-reports/TEST-*.xml; do
      curl -fsS "${origin}/api/imports/junit?projectId=${projectId}&buildVersion=\${{ github.sha }}&runName=\${{ github.workflow }}" \\
        -H "Authorization: Bearer $TESTTRACK_TOKEN" -H "Content-Type: application/xml" \\
        -H "Idempotency-Key: \${{ github.run_id }}-\${{ github.run_attempt }}-$(basename "$f")" --data-binary @"$f"
    done`;
}

function Snippet({ title, code }: { title: string; code: string }) {
  return (
    <Card>
      <div className="mb-2 flex items-center justify-between">
        <h2 className="font-semibold">{title}</h2>
        <CopyButton text={code} />
      </div>
      <pre tabIndex={0} aria-label={title} className="overflow-auto rounded bg-sunken p-3 text-xs"><code>{code}</code></pre>
    </Card>
  );
}

export default function CiPage() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const imports = useQuery({
    queryKey: ['runs', projectId, 'imports'],
    queryFn: () => unwrap(execApi.GET('/api/runs', { params: { query: { projectId, origin: 'IMPORT', limit: 10 } } })),
  });
  const origin = window.location.origin;
  return (
    <>
      <PageHeader title={m.ci.title}>{project.data?.name}</PageHeader>
      <p className="mb-4 text-sm text-muted">{m.ci.tokenHint} <Link className="text-accent underline" to="../settings" relative="path">{m.projects.tokens}</Link></p>
      <div className="mb-6 grid gap-4 xl:grid-cols-2">
        <Snippet title={m.ci.curl} code={curlLine(origin, projectId)} />
        <Snippet title={m.ci.github} code={githubStep(origin, projectId)} />
      </div>
      <h2 className="mb-3 font-semibold">{m.ci.lastImports}</h2>
      <ProblemAlert error={imports.error} />
      {imports.isPending && <Skeleton rows={3} />}
      {imports.data?.items?.length === 0 && <EmptyState title={m.ci.lastImports} body={m.ci.noImports} />}
      {!!imports.data?.items?.length && (
        <table className="w-full text-sm">
          <thead className="text-left text-muted"><tr><th className="py-2">{m.runs.name}</th><th>{m.runs.build}</th><th>{m.common.created}</th><th className="text-right">{m.runs.total}</th><th className="text-right">{m.status.PASSED}</th><th className="text-right">{m.status.FAILED}</th></tr></thead>
          <tbody>
            {imports.data.items.map((r) => {
              const c = (r.counts ?? {}) as Record<string, number>;
              return (
                <tr key={r.id} className="border-t border-line">
                  <td className="py-2"><Link className="hover:text-accent hover:underline" to={`../runs/${r.id}`} relative="path">{r.name}</Link></td>
                  <td>{r.buildVersion && <Badge>{r.buildVersion}</Badge>}</td>
                  <td>{formatDateTime(r.createdAt)}</td>
                  <td className="text-right tabular-nums">{formatNumber(progress(c).total)}</td>
                  <td className="text-right tabular-nums text-pass">{formatNumber(c.PASSED ?? 0)}</td>
                  <td className="text-right tabular-nums text-fail">{formatNumber((c.FAILED ?? 0) + (c.BLOCKED ?? 0))}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

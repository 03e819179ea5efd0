import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { diffLines } from 'diff';
import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { Select } from '@/components/ui/field';
import { Card, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { formatDateTime } from '@/lib/format';
import { m } from '@/lib/messages';
import { useProjectAccess } from '@/features/projects/api/projects';
import { useCase, useCaseMutations, useVersion, useVersions } from '../api/cases';
import { caseText } from '../case-text';

export default function CaseHistory() {
  const { projectId = '', caseId = '' } = useParams();
  const current = useCase(caseId);
  const versions = useVersions(caseId);
  const access = useProjectAccess(projectId);
  const { restoreVersion } = useCaseMutations(projectId);
  const list = versions.data ?? [];
  const newest = list.reduce((n, v) => Math.max(n, v.version ?? 0), 0);
  const [a, setA] = useState<number | null>(null);
  const [b, setB] = useState<number | null>(null);
  const left = a ?? Math.max(1, newest - 1);
  const right = b ?? newest;
  const va = useVersion(caseId, newest ? left : null);
  const vb = useVersion(caseId, newest ? right : null);
  const parts = va.data && vb.data ? diffLines(caseText(va.data.content ?? {}), caseText(vb.data.content ?? {})) : [];
  const picker = (label: string, value: number, set: (n: number) => void) => (
    <Select aria-label={label} value={value} onChange={(e) => set(Number(e.target.value))} className="w-auto">
      {list.map((v) => <option key={v.version} value={v.version}>{m.cases.version(v.version ?? 0)}</option>)}
    </Select>
  );
  return (
    <>
      <PageHeader title={`${current.data?.key ?? ''} · ${m.cases.history}`}>
        <Link className="text-accent underline" to={`/projects/${projectId}/cases/${caseId}`}>{current.data?.title}</Link>
      </PageHeader>
      <ProblemAlert error={versions.error ?? restoreVersion.error} />
      {versions.isPending && <Skeleton rows={4} />}
      <div className="grid gap-6 lg:grid-cols-[18rem_1fr]">
        <Card>
          <ol className="flex flex-col gap-3 text-sm">
            {[...list].reverse().map((v) => (
              <li key={v.version} className="border-b border-line pb-2 last:border-0">
                <div className="font-medium">{m.cases.version(v.version ?? 0)}</div>
                <div className="text-xs text-muted">{formatDateTime(v.changedAt)}</div>
                {v.summary && <div className="mt-1">{v.summary}</div>}
                {v.version !== newest && (
                  <Button
                    size="sm"
                    className="mt-1"
                    disabledReason={access.may('WRITE_CASES') ? null : m.common.noPermission('change test cases')}
                    onClick={() => restoreVersion.mutate({ id: caseId, n: v.version!, version: current.data?.version })}
                  >
                    {m.cases.restore}
                  </Button>
                )}
              </li>
            ))}
          </ol>
        </Card>
        <Card>
          <div className="mb-3 flex items-center gap-2 text-sm">
            {m.cases.compare} {picker(`${m.cases.compare} A`, left, setA)} → {picker(`${m.cases.compare} B`, right, setB)}
          </div>
          <pre tabIndex={0} aria-label={m.cases.compare} className="overflow-auto whitespace-pre-wrap rounded bg-sunken p-3 text-xs" data-testid="diff">
            {parts.map((p, i) => (
              <span key={i} className={clsx(p.added && 'bg-pass/20 text-fg', p.removed && 'bg-fail/20 text-fg line-through')}>
                {p.value}
              </span>
            ))}
          </pre>
        </Card>
      </div>
    </>
  );
}

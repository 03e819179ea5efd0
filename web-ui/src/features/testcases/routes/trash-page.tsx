import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ArchiveRestore } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { EmptyState, Notice, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { formatDateTime, formatNumber } from '@/lib/format';
import { m } from '@/lib/messages';
import { useEndlessScroll } from '@/lib/use-endless-scroll';
import { useProjectAccess } from '@/features/projects/api/projects';
import { useRestore, useTrash } from '../api/cases';

/** Deleted test cases: listed newest first, restored one by one or together. */
export default function TrashPage() {
  const { projectId = '' } = useParams();
  const access = useProjectAccess(projectId);
  const writable = access.may('WRITE_CASES') ? null : m.common.noPermission('change test cases');
  const trash = useTrash(projectId);
  const restore = useRestore(projectId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [restored, setRestored] = useState<number | null>(null);

  const sentinel = useEndlessScroll(trash);

  const cases = trash.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const first = trash.data?.pages[0];
  const run = (ids: string[]) =>
    restore.mutate(ids, {
      onSuccess: (r) => {
        setRestored(r.affected ?? ids.length);
        setSelected(new Set());
      },
    });
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });

  return (
    <>
      <PageHeader
        title={m.cases.trashTitle}
        actions={
          <>
            <Link className="inline-flex h-9 items-center rounded-md border border-line bg-raised px-3.5 text-sm font-medium hover:bg-sunken" to={`/projects/${projectId}/cases`}>{m.cases.title}</Link>
            <Button variant="primary" disabledReason={writable} disabled={!selected.size || restore.isPending} onClick={() => run([...selected])}>
              <ArchiveRestore size={15} aria-hidden /> {m.cases.restoreSelected}{selected.size ? ` (${selected.size})` : ''}
            </Button>
          </>
        }
      >
        {first && m.cases.count(formatNumber(first.total ?? 0), !!first.totalCapped)} · {m.cases.trashHelp}
      </PageHeader>
      {restored != null && <div className="mb-3"><Notice>{m.cases.restored(restored)}</Notice></div>}
      <ProblemAlert error={trash.error ?? restore.error} className="mb-3" />
      {trash.isPending && <Skeleton rows={6} />}
      {trash.isSuccess && cases.length === 0 && <EmptyState title={m.cases.trashEmpty} body={m.cases.trashEmptyBody} />}
      {cases.length > 0 && (
        <table className="w-full text-sm">
          <caption className="sr-only">{m.cases.trashTitle}</caption>
          <thead className="text-left text-muted">
            <tr>
              <th className="w-8 py-2"><span className="sr-only">{m.common.actions}</span></th>
              <th className="w-24">Key</th><th>{m.cases.caseTitle}</th><th>{m.cases.deletedAt}</th><th><span className="sr-only">{m.common.actions}</span></th>
            </tr>
          </thead>
          <tbody>
            {cases.map((c) => (
              <tr key={c.id} className="border-t border-line">
                <td className="py-2">
                  <input type="checkbox" aria-label={`${c.key} ${c.title}`} disabled={!!writable} checked={selected.has(c.id!)} onChange={() => toggle(c.id!)} />
                </td>
                <td className="font-mono text-xs">{c.key}</td>
                <td>{c.title}</td>
                <td>{c.deletedAt ? formatDateTime(c.deletedAt) : ''}</td>
                <td className="text-right">
                  <Button size="sm" aria-label={`${m.cases.restore1} ${c.key}`} disabledReason={writable} disabled={restore.isPending} onClick={() => run([c.id!])}>
                    <ArchiveRestore size={14} aria-hidden /> {m.cases.restore1}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div ref={sentinel} className="h-8">{trash.isFetchingNextPage && <p className="text-sm text-muted">{m.common.loadMore}</p>}</div>
    </>
  );
}

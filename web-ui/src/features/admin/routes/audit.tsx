import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/field';
import { EmptyState, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { authApi, unwrap } from '@/lib/api/client';
import { formatDateTime } from '@/lib/format';
import { m } from '@/lib/messages';

export default function Audit() {
  const [action, setAction] = useState('');
  const [page, setPage] = useState(0);
  const audit = useQuery({
    queryKey: ['admin', 'audit', action, page],
    queryFn: () => unwrap(authApi.GET('/api/admin/audit', { params: { query: { action: action || undefined, page, size: 50 } } })),
  });
  const items = audit.data?.items ?? [];
  return (
    <>
      <PageHeader title={m.admin.audit} />
      <Input aria-label={m.admin.filterAction} placeholder={m.admin.filterAction} value={action} onChange={(e) => { setAction(e.target.value); setPage(0); }} className="mb-3 max-w-xs" />
      <ProblemAlert error={audit.error} />
      {audit.isPending && <Skeleton rows={8} />}
      {audit.isSuccess && items.length === 0 && <EmptyState title={m.admin.audit} body={m.admin.noEntries} />}
      {items.length > 0 && (
        <table className="w-full text-sm">
          <thead className="text-left text-muted"><tr><th className="py-2">{m.admin.at}</th><th>{m.admin.actor}</th><th>{m.admin.action}</th><th>{m.admin.target}</th><th>{m.admin.ip}</th></tr></thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id} className="border-t border-line align-top">
                <td className="py-2 whitespace-nowrap">{formatDateTime(e.at)}</td>
                <td>{e.actorEmail}</td>
                <td className="font-mono text-xs">{e.action}</td>
                <td className="text-xs">{e.targetType} {e.details}</td>
                <td className="text-xs text-muted">{e.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="mt-3 flex gap-2">
        <Button size="sm" disabled={page === 0} onClick={() => setPage(page - 1)}>←</Button>
        <Button size="sm" disabled={items.length < 50} onClick={() => setPage(page + 1)}>→</Button>
      </div>
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select } from '@/components/ui/field';
import { Badge, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { authApi, unwrap, type AuthSchemas } from '@/lib/api/client';
import { ApiError } from '@/lib/problem';
import { formatDateTime } from '@/lib/format';
import { m } from '@/lib/messages';
import { useSession } from '@/lib/session';

const ROLES = ['ADMIN', 'TESTER', 'DEVELOPER'] as const;

function CreateUser({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const qc = useQueryClient();
  const create = useMutation({
    mutationFn: (body: AuthSchemas['CreateUser']) => unwrap(authApi.POST('/api/admin/users', { body })),
    onSuccess: () => { void qc.invalidateQueries({ queryKey: ['admin', 'users'] }); onOpenChange(false); },
  });
  const [form, setForm] = useState({ email: '', name: '', role: 'TESTER', password: '' });
  const apiError = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    create.mutate({ email: form.email, name: form.name, role: form.role as AuthSchemas['GlobalRole'], password: form.password || undefined });
  };
  const text = (k: keyof typeof form) => ({ value: form[k], onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }) });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={m.admin.createUser}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <ProblemAlert error={create.error} />
        <Field label={m.auth.name} error={apiError?.fieldError('name')}>{(p) => <Input {...p} {...text('name')} />}</Field>
        <Field label={m.auth.email} error={apiError?.fieldError('email')}>{(p) => <Input {...p} type="email" {...text('email')} />}</Field>
        <Field label={m.admin.role}>
          {(p) => <Select {...p} {...text('role')}>{ROLES.map((r) => <option key={r} value={r}>{m.roles[r]}</option>)}</Select>}
        </Field>
        <Field label={m.admin.passwordOptional} hint={m.auth.passwordRule} error={apiError?.fieldError('password')}>
          {(p) => <Input {...p} type="password" autoComplete="new-password" {...text('password')} />}
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>{m.common.cancel}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>{m.common.create}</Button>
        </div>
      </form>
    </Dialog>
  );
}

export default function Users() {
  const { user: me } = useSession();
  const qc = useQueryClient();
  const [q, setQ] = useState('');
  const [creating, setCreating] = useState(false);
  const users = useQuery({ queryKey: ['admin', 'users', q], queryFn: () => unwrap(authApi.GET('/api/admin/users', { params: { query: { q: q || undefined, size: 200 } } })) });
  const update = useMutation({
    mutationFn: ({ id, ...body }: { id: string } & AuthSchemas['UpdateUser']) => unwrap(authApi.PATCH('/api/admin/users/{id}', { params: { path: { id } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
  if (me?.role !== 'ADMIN') return <ProblemAlert error={new Error(m.common.adminOnly)} />;
  return (
    <>
      <PageHeader title={m.admin.users} actions={<Button variant="primary" onClick={() => setCreating(true)}><UserPlus size={15} aria-hidden /> {m.admin.createUser}</Button>} />
      <Input type="search" aria-label={m.common.search} placeholder={m.common.search} value={q} onChange={(e) => setQ(e.target.value)} className="mb-3 max-w-xs" />
      <ProblemAlert error={users.error ?? update.error} />
      {users.isPending && <Skeleton rows={5} />}
      {users.data && (
        <table className="w-full text-sm">
          <thead className="text-left text-muted"><tr><th className="py-2">{m.auth.name}</th><th>{m.auth.email}</th><th>{m.admin.role}</th><th>{m.admin.active}</th><th>{m.common.created}</th><th><span className="sr-only">{m.common.actions}</span></th></tr></thead>
          <tbody>
            {users.data.items?.map((u) => (
              <tr key={u.id} className="border-t border-line">
                <td className="py-2">{u.name}</td>
                <td>{u.email}{!u.emailVerified && <span className="ml-2"><Badge>unverified</Badge></span>}</td>
                <td>
                  <Select aria-label={`${m.admin.role}: ${u.name}`} className="w-40" value={u.role} disabled={u.id === me?.id} onChange={(e) => update.mutate({ id: u.id!, role: e.target.value as AuthSchemas['GlobalRole'] })}>
                    {ROLES.map((r) => <option key={r} value={r}>{m.roles[r]}</option>)}
                  </Select>
                </td>
                <td>{u.active ? m.common.yes : m.common.no}</td>
                <td>{formatDateTime(u.createdAt)}</td>
                <td className="text-right">
                  <Button size="sm" variant="ghost" disabledReason={u.id === me?.id ? m.common.adminOnly : null} onClick={() => update.mutate({ id: u.id!, active: !u.active })}>
                    {u.active ? m.admin.deactivate : m.admin.activate}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CreateUser open={creating} onOpenChange={setCreating} />
    </>
  );
}

import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, Input } from '@/components/ui/field';
import { Card, Notice, PageHeader, ProblemAlert } from '@/components/ui/misc';
import { useSession } from '@/lib/session';
import { formatDateTime } from '@/lib/format';
import { m } from '@/lib/messages';
import { passwordProblem, useChangePassword } from '../api/auth';

export default function Account() {
  const { user } = useSession();
  const change = useChangePassword();
  const [form, setForm] = useState({ currentPassword: '', newPassword: '' });
  const [tried, setTried] = useState(false);
  const local = tried ? passwordProblem(form.newPassword) : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!passwordProblem(form.newPassword)) change.mutate(form, { onSuccess: () => setForm({ currentPassword: '', newPassword: '' }) });
  };
  return (
    <div className="max-w-xl">
      <PageHeader title={m.auth.profile} />
      <Card className="mb-6">
        <dl className="grid grid-cols-[8rem_1fr] gap-2 text-sm">
          <dt className="text-muted">{m.auth.name}</dt>
          <dd>{user?.name}</dd>
          <dt className="text-muted">{m.auth.email}</dt>
          <dd>{user?.email}</dd>
          <dt className="text-muted">{m.auth.role}</dt>
          <dd>{m.roles[user?.role ?? ''] ?? user?.role}</dd>
          <dt className="text-muted">{m.common.created}</dt>
          <dd>{formatDateTime(user?.createdAt)}</dd>
        </dl>
      </Card>
      <Card>
        <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
          <h2 className="font-semibold">{m.auth.changeTitle}</h2>
          <ProblemAlert error={change.error} />
          {change.isSuccess && <Notice>{m.auth.changed}</Notice>}
          <Field label={m.auth.currentPassword}>
            {(p) => <Input {...p} type="password" autoComplete="current-password" value={form.currentPassword} onChange={(e) => setForm({ ...form, currentPassword: e.target.value })} />}
          </Field>
          <Field label={m.auth.newPassword} hint={m.auth.passwordRule} error={local}>
            {(p) => <Input {...p} type="password" autoComplete="new-password" value={form.newPassword} onChange={(e) => setForm({ ...form, newPassword: e.target.value })} />}
          </Field>
          <Button type="submit" variant="primary" disabled={change.isPending} className="self-start">
            {m.auth.change}
          </Button>
        </form>
      </Card>
    </div>
  );
}

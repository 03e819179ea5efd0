import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { FolderPlus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Textarea } from '@/components/ui/field';
import { Badge, EmptyState, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { ApiError } from '@/lib/problem';
import { formatDateTime } from '@/lib/format';
import { m } from '@/lib/messages';
import { useSession } from '@/lib/session';
import { useCreateProject, useProjects } from '../api/projects';

const KEY_RULE = /^[A-Z][A-Z0-9]{1,9}$/;

function CreateProjectDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const create = useCreateProject();
  const navigate = useNavigate();
  const [form, setForm] = useState({ key: '', name: '', description: '' });
  const [tried, setTried] = useState(false);
  const keyError = tried && !KEY_RULE.test(form.key) ? m.projects.keyHelp : null;
  const apiError = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!KEY_RULE.test(form.key) || !form.name.trim()) return;
    create.mutate({ ...form, description: form.description || undefined }, { onSuccess: (p) => navigate(`/projects/${p.id}/cases`) });
  };
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={m.projects.create}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <ProblemAlert error={create.error} />
        <Field label={m.projects.key} hint={m.projects.keyHelp} error={keyError ?? apiError?.fieldError('key')}>
          {(p) => <Input {...p} value={form.key} maxLength={10} onChange={(e) => setForm({ ...form, key: e.target.value.toUpperCase() })} />}
        </Field>
        <Field label={m.common.name} error={(tried && !form.name.trim() ? m.common.required : null) ?? apiError?.fieldError('name')}>
          {(p) => <Input {...p} value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <Field label={m.common.description}>
          {(p) => <Textarea {...p} value={form.description} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>{m.common.cancel}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending}>
            {m.common.create}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

export default function ProjectList() {
  const [archived, setArchived] = useState(false);
  const projects = useProjects(archived);
  const { user } = useSession();
  const [creating, setCreating] = useState(false);
  const mayCreate = user?.role === 'ADMIN' || user?.role === 'TESTER';
  const createButton = (
    <Button variant="primary" onClick={() => setCreating(true)} disabledReason={mayCreate ? null : 'Only administrators and testers create projects.'}>
      <FolderPlus size={16} aria-hidden /> {m.projects.create}
    </Button>
  );
  return (
    <>
      <PageHeader title={m.projects.title} actions={createButton} />
      <label className="mb-4 flex items-center gap-2 text-sm text-muted">
        <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} /> {m.projects.showArchived}
      </label>
      <ProblemAlert error={projects.error} />
      {projects.isPending && <Skeleton rows={4} className="h-16" />}
      {projects.data?.length === 0 && <EmptyState title={m.projects.emptyTitle} body={m.projects.emptyBody} action={mayCreate ? createButton : undefined} />}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {projects.data?.map((p) => (
          <li key={p.id}>
            <Link to={`/projects/${p.id}/cases`} className="block h-full rounded-lg border border-line bg-raised p-4 hover:border-accent">
              <div className="flex items-center gap-2">
                <span className="rounded bg-sunken px-1.5 py-0.5 font-mono text-xs">{p.key}</span>
                <h2 className="truncate font-semibold">{p.name}</h2>
                {p.archived && <Badge>{m.projects.archived}</Badge>}
              </div>
              {p.description && <p className="mt-2 line-clamp-2 text-sm text-muted">{p.description}</p>}
              <p className="mt-3 text-xs text-muted">
                {m.common.updated} {formatDateTime(p.updatedAt)}
              </p>
            </Link>
          </li>
        ))}
      </ul>
      <CreateProjectDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}

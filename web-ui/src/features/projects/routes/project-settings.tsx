import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { Tabs } from 'radix-ui';
import { Button } from '@/components/ui/button';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { Card, Notice, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { formatDateTime } from '@/lib/format';
import { m } from '@/lib/messages';
import { useSession } from '@/lib/session';
import { FieldSettings } from '@/features/testcases/components/field-settings';
import { SharedStepsSettings } from '@/features/testcases/components/shared-steps-settings';
import { CopyButton } from '../components/copy-button';
import { useMemberMutations, useMembers, useProject, useProjectAccess, useTokenMutations, useTokens, useUpdateProject, type Project } from '../api/projects';

const ROLES = ['LEAD', 'TESTER', 'DEVELOPER', 'VIEWER'] as const;
type Role = (typeof ROLES)[number];

function General({ project, manage }: { project: Project; manage: string | null }) {
  const update = useUpdateProject(project.id!);
  const [form, setForm] = useState({ name: project.name ?? '', description: project.description ?? '' });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ ...form, version: project.version });
  };
  return (
    <Card>
      <form onSubmit={submit} className="flex flex-col gap-4">
        <ProblemAlert error={update.error} />
        {update.isSuccess && <Notice>{m.common.saved}</Notice>}
        <Field label={m.common.name}>{(p) => <Input {...p} value={form.name} disabled={!!manage} onChange={(e) => setForm({ ...form, name: e.target.value })} />}</Field>
        <Field label={m.common.description}>
          {(p) => <Textarea {...p} value={form.description} disabled={!!manage} onChange={(e) => setForm({ ...form, description: e.target.value })} />}
        </Field>
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit" variant="primary" disabledReason={manage} disabled={update.isPending}>
            {m.common.save}
          </Button>
          <Button
            variant="danger"
            disabledReason={manage}
            onClick={() => update.mutate({ archived: !project.archived, version: project.version })}
          >
            {project.archived ? m.projects.unarchive : m.projects.archive}
          </Button>
          <span className="text-xs text-muted">{m.projects.archiveHelp}</span>
        </div>
      </form>
    </Card>
  );
}

function Members({ projectId, manage }: { projectId: string; manage: string | null }) {
  const members = useMembers(projectId);
  const { add, change, remove } = useMemberMutations(projectId);
  const { user } = useSession();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('TESTER');
  const error = add.error ?? change.error ?? remove.error;
  return (
    <Card>
      <ProblemAlert error={error} className="mb-3" />
      {!manage && (
        <form
          className="mb-4 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ email, role }, { onSuccess: () => setEmail('') });
          }}
        >
          <Field label={m.projects.memberEmail} className="min-w-64 flex-1">
            {(p) => <Input {...p} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label={m.projects.role}>
            {(p) => (
              <Select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>{m.roles[r]}</option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="primary" disabled={add.isPending}>{m.projects.addMember}</Button>
        </form>
      )}
      {members.isPending && <Skeleton rows={3} />}
      <table className="w-full text-sm">
        <thead className="text-left text-muted">
          <tr><th className="py-2">{m.common.name}</th><th>{m.auth.email}</th><th>{m.projects.role}</th><th><span className="sr-only">{m.common.actions}</span></th></tr>
        </thead>
        <tbody>
          {members.data?.map((mb) => (
            <tr key={mb.userId} className="border-t border-line">
              <td className="py-2">{mb.name}</td>
              <td>{mb.email}</td>
              <td>
                <Select
                  aria-label={`${m.projects.role}: ${mb.name}`}
                  value={mb.role}
                  disabled={!!manage || mb.userId === user?.id}
                  title={manage ?? undefined}
                  onChange={(e) => change.mutate({ userId: mb.userId!, role: e.target.value as Role })}
                  className="w-36"
                >
                  {ROLES.map((r) => (<option key={r} value={r}>{m.roles[r]}</option>))}
                </Select>
              </td>
              <td className="text-right">
                <Button size="sm" variant="ghost" disabledReason={manage} onClick={() => remove.mutate(mb.userId!)}>{m.projects.remove}</Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

function Tokens({ projectId, manage }: { projectId: string; manage: string | null }) {
  const tokens = useTokens(projectId, !manage);
  const { create, revoke } = useTokenMutations(projectId);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('TESTER');
  if (manage) return <Card><p className="text-sm text-muted">{manage}</p></Card>;
  const secret = create.data?.token;
  return (
    <Card>
      <ProblemAlert error={create.error ?? revoke.error} className="mb-3" />
      {secret && (
        <div role="status" className="mb-4 rounded-md border border-accent/50 bg-accent/10 p-3">
          <p className="mb-2 text-sm font-medium">{m.projects.tokenOnce}</p>
          <div className="flex items-center gap-2">
            <code data-testid="new-token" className="flex-1 break-all rounded bg-sunken px-2 py-1 text-xs">{secret}</code>
            <CopyButton text={secret} />
          </div>
        </div>
      )}
      <form
        className="mb-4 flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate({ name, role }, { onSuccess: () => setName('') });
        }}
      >
        <Field label={m.projects.tokenName} className="min-w-64 flex-1">{(p) => <Input {...p} value={name} onChange={(e) => setName(e.target.value)} />}</Field>
        <Field label={m.projects.role}>
          {(p) => (
            <Select {...p} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (<option key={r} value={r}>{m.roles[r]}</option>))}
            </Select>
          )}
        </Field>
        <Button type="submit" variant="primary" disabled={create.isPending || !name.trim()}>{m.projects.newToken}</Button>
      </form>
      {tokens.isPending && <Skeleton rows={2} />}
      {tokens.data?.length === 0 && <p className="text-sm text-muted">{m.projects.noTokens}</p>}
      {!!tokens.data?.length && (
        <table className="w-full text-sm">
          <thead className="text-left text-muted">
            <tr><th className="py-2">{m.common.name}</th><th>{m.projects.prefix}</th><th>{m.projects.role}</th><th>{m.projects.lastUsed}</th><th><span className="sr-only">{m.common.actions}</span></th></tr>
          </thead>
          <tbody>
            {tokens.data.map((t) => (
              <tr key={t.id} className="border-t border-line">
                <td className="py-2">{t.name}</td>
                <td><code className="text-xs">{t.prefix}…</code></td>
                <td>{m.roles[t.role ?? '']}</td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : m.projects.never}</td>
                <td className="text-right">
                  {t.revokedAt ? <span className="text-xs text-muted">{m.projects.revoked}</span> : <Button size="sm" variant="ghost" onClick={() => revoke.mutate(t.id!)}>{m.projects.revoke}</Button>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export default function ProjectSettings() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  const access = useProjectAccess(projectId);
  const manage = access.may('MANAGE') ? null : m.common.noPermission(m.projects.manage);
  const writable = access.may('WRITE_CASES') ? null : m.common.noPermission('change test cases');
  const tab = 'rounded-md px-3 py-1.5 text-sm data-[state=active]:bg-raised data-[state=active]:font-medium data-[state=active]:shadow-sm';
  return (
    <>
      <PageHeader title={m.projects.settings}>{access.role && m.projects.yourRole(m.roles[access.role] ?? access.role)}</PageHeader>
      <ProblemAlert error={project.error} />
      {project.isPending && <Skeleton rows={4} />}
      {project.data && (
        <Tabs.Root defaultValue="general">
          <Tabs.List className="mb-4 inline-flex gap-1 rounded-lg bg-sunken p-1" aria-label={m.projects.settings}>
            <Tabs.Trigger className={tab} value="general">{m.projects.general}</Tabs.Trigger>
            <Tabs.Trigger className={tab} value="members">{m.projects.members}</Tabs.Trigger>
            <Tabs.Trigger className={tab} value="tokens">{m.projects.tokens}</Tabs.Trigger>
            <Tabs.Trigger className={tab} value="fields">{m.cases.fields}</Tabs.Trigger>
            <Tabs.Trigger className={tab} value="shared-steps">{m.cases.sharedSteps}</Tabs.Trigger>
          </Tabs.List>
          <Tabs.Content value="general"><General key={project.data.version} project={project.data} manage={manage} /></Tabs.Content>
          <Tabs.Content value="members"><Members projectId={projectId} manage={manage} /></Tabs.Content>
          <Tabs.Content value="tokens"><Tokens projectId={projectId} manage={manage} /></Tabs.Content>
          <Tabs.Content value="fields"><FieldSettings projectId={projectId} manage={manage} /></Tabs.Content>
          <Tabs.Content value="shared-steps"><SharedStepsSettings projectId={projectId} writable={writable} /></Tabs.Content>
        </Tabs.Root>
      )}
    </>
  );
}

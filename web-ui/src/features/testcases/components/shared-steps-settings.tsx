import { useState, type FormEvent } from 'react';
import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { RowActions } from '@/components/ui/row-actions';
import { DeleteDialog, Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { Card, Notice, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { formatDateTime } from '@/lib/format';
import { ApiError } from '@/lib/problem';
import { m } from '@/lib/messages';
import { useSharedSteps, useSharedStepsMutations, type SharedView } from '../api/library';
import { StepsEditor, newStep, type EditableStep } from './steps-editor';

interface Editing {
  group: SharedView | null;
  name: string;
  steps: EditableStep[];
}

/** Groups of steps written once and included in many cases; whoever may write cases manages them. */
export function SharedStepsSettings({ projectId, writable }: { projectId: string; writable: string | null }) {
  const groups = useSharedSteps(projectId);
  const { create, update, remove } = useSharedStepsMutations(projectId);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [deleting, setDeleting] = useState<SharedView | null>(null);
  const saving = editing?.group ? update : create;
  const apiError = saving.error instanceof ApiError ? saving.error : null;
  const open = (group: SharedView | null) => {
    create.reset();
    update.reset();
    setEditing({
      group,
      name: group?.name ?? '',
      steps: group?.steps?.map((s) => newStep({ action: s.action ?? '', expectedResult: s.expectedResult ?? '', testData: s.testData ?? '' })) ?? [newStep()],
    });
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const steps = editing.steps.map((s, i) => ({ index: i + 1, action: s.action, expectedResult: s.expectedResult || undefined, testData: s.testData || undefined }));
    const name = editing.name.trim();
    if (editing.group) update.mutate({ id: editing.group.id!, body: { name, steps, version: editing.group.version } }, { onSuccess: () => setEditing(null) });
    else create.mutate({ name, steps }, { onSuccess: () => setEditing(null) });
  };
  return (
    <Card>
      <div className="mb-4 flex items-center justify-between gap-2">
        {update.data?.casesUpdated != null ? <Notice>{m.cases.sharedUsed(update.data.casesUpdated)}</Notice> : <span />}
        <Button variant="primary" disabledReason={writable} onClick={() => open(null)}><Plus size={15} aria-hidden /> {m.cases.newShared}</Button>
      </div>
      {groups.isPending && <Skeleton rows={3} />}
      <ProblemAlert error={groups.error} />
      {groups.data?.length === 0 && <p className="text-sm text-muted">{m.cases.noShared}</p>}
      {!!groups.data?.length && (
        <table className="w-full text-sm">
          <caption className="sr-only">{m.cases.sharedSteps}</caption>
          <thead className="text-left text-muted">
            <tr><th className="py-2">{m.common.name}</th><th>{m.cases.steps}</th><th>{m.common.updated}</th><th><span className="sr-only">{m.common.actions}</span></th></tr>
          </thead>
          <tbody>
            {groups.data.map((g) => (
              <tr key={g.id} className="border-t border-line">
                <td className="py-2">{g.name}</td>
                <td>{m.cases.stepCount(g.steps?.length ?? 0)}</td>
                <td>{g.updatedAt ? formatDateTime(g.updatedAt) : ''}</td>
                <RowActions name={g.name ?? ''} reason={writable} onEdit={() => open(g)} onDelete={() => { remove.reset(); setDeleting(g); }} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Dialog open={!!editing} onOpenChange={(o) => !o && setEditing(null)} title={editing?.group ? m.cases.editShared : m.cases.newShared} wide>
        {editing && (
          <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
            <ProblemAlert error={saving.error} />
            <Field label={m.cases.sharedName} error={apiError?.fieldError('name')}>
              {(p) => <Input {...p} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />}
            </Field>
            <StepsEditor steps={editing.steps} onChange={(steps) => setEditing({ ...editing, steps })} />
            <div className="flex justify-end gap-2">
              <Button onClick={() => setEditing(null)}>{m.common.cancel}</Button>
              <Button type="submit" variant="primary" disabled={saving.isPending || !editing.name.trim() || !editing.steps.length}>{m.common.save}</Button>
            </div>
          </form>
        )}
      </Dialog>
      <DeleteDialog target={deleting} onClose={() => setDeleting(null)} title={m.cases.deleteShared} question={m.cases.deleteSharedConfirm(deleting?.name ?? '')} remove={remove} />
    </Card>
  );
}

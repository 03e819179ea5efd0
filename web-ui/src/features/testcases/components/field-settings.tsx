import { useState, type FormEvent } from 'react';
import { Plus } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { RowActions } from '@/components/ui/row-actions';
import { DeleteDialog } from '@/components/ui/dialog';
import { Field, Input, Select } from '@/components/ui/field';
import { Badge, Card, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { ApiError } from '@/lib/problem';
import { m } from '@/lib/messages';
import { FIELD_TYPES, useFieldMutations, useFields, type FieldType, type FieldView } from '../api/library';

const blank = { name: '', label: '', type: 'TEXT' as FieldType, options: '', required: false };
const hasOptions = (type?: FieldType) => type === 'SELECT' || type === 'MULTI_SELECT';
const options = (text: string) => text.split(',').map((o) => o.trim()).filter(Boolean);

/** The project's custom-field definitions; a lead adds, edits and deletes them. */
export function FieldSettings({ projectId, manage }: { projectId: string; manage: string | null }) {
  const fields = useFields(projectId);
  const { create, update, remove } = useFieldMutations(projectId);
  const [form, setForm] = useState(blank);
  const [editing, setEditing] = useState<FieldView | null>(null);
  const [deleting, setDeleting] = useState<FieldView | null>(null);
  const saving = editing ? update : create;
  const apiError = saving.error instanceof ApiError ? saving.error : null;
  const reset = () => {
    setForm(blank);
    setEditing(null);
    create.reset();
    update.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const opts = hasOptions(form.type) ? options(form.options) : undefined;
    if (editing) update.mutate({ id: editing.id!, body: { label: form.label.trim(), options: opts, required: form.required, version: editing.version } }, { onSuccess: reset });
    else create.mutate({ name: form.name.trim(), label: form.label.trim(), type: form.type, options: opts, required: form.required }, { onSuccess: reset });
  };
  const edit = (f: FieldView) => {
    setEditing(f);
    setForm({ name: f.name ?? '', label: f.label ?? '', type: f.type ?? 'TEXT', options: (f.options ?? []).join(', '), required: !!f.required });
  };
  return (
    <Card>
      {!manage && (
        <form onSubmit={submit} aria-label={editing ? m.cases.editField : m.cases.newField} className="mb-5 grid gap-3 sm:grid-cols-2" noValidate>
          <ProblemAlert error={saving.error} className="sm:col-span-2" />
          <Field label={m.cases.fieldLabel} error={apiError?.fieldError('label')}>
            {(p) => <Input {...p} value={form.label} onChange={(e) => setForm({ ...form, label: e.target.value })} />}
          </Field>
          <Field label={m.cases.fieldName} hint={m.cases.fieldNameHelp} error={apiError?.fieldError('name')}>
            {(p) => <Input {...p} value={form.name} disabled={!!editing} pattern="[a-z][a-z0-9_]{0,39}" onChange={(e) => setForm({ ...form, name: e.target.value })} />}
          </Field>
          <Field label={m.cases.fieldType}>
            {(p) => (
              <Select {...p} value={form.type} disabled={!!editing} onChange={(e) => setForm({ ...form, type: e.target.value as FieldType })}>
                {FIELD_TYPES.map((t) => <option key={t} value={t}>{m.cases.fieldTypes[t]}</option>)}
              </Select>
            )}
          </Field>
          {hasOptions(form.type) && (
            <Field label={m.cases.fieldOptions} error={apiError?.fieldError('options')}>
              {(p) => <Input {...p} value={form.options} placeholder="Checkout, Search, Account" onChange={(e) => setForm({ ...form, options: e.target.value })} />}
            </Field>
          )}
          <label className="flex items-center gap-2 text-sm sm:col-span-2">
            <input type="checkbox" checked={form.required} onChange={(e) => setForm({ ...form, required: e.target.checked })} /> {m.cases.fieldRequired}
          </label>
          <div className="flex gap-2 sm:col-span-2">
            <Button type="submit" variant="primary" disabled={saving.isPending || !form.label.trim() || (!editing && !form.name.trim())}>
              {editing ? m.common.save : <><Plus size={15} aria-hidden /> {m.cases.newField}</>}
            </Button>
            {editing && <Button onClick={reset}>{m.common.cancel}</Button>}
          </div>
        </form>
      )}
      {manage && <p className="mb-3 text-sm text-muted">{manage}</p>}
      {fields.isPending && <Skeleton rows={3} />}
      <ProblemAlert error={fields.error} />
      {fields.data?.length === 0 && <p className="text-sm text-muted">{m.cases.noFields}</p>}
      {!!fields.data?.length && (
        <table className="w-full text-sm">
          <caption className="sr-only">{m.cases.fields}</caption>
          <thead className="text-left text-muted">
            <tr><th className="py-2">{m.cases.fieldLabel}</th><th>{m.common.name}</th><th>{m.cases.fieldType}</th><th>{m.cases.fieldOptionsColumn}</th><th><span className="sr-only">{m.common.actions}</span></th></tr>
          </thead>
          <tbody>
            {fields.data.map((f) => (
              <tr key={f.id} className="border-t border-line">
                <td className="py-2">{f.label}{f.required && <span className="ml-1 text-xs text-muted">({m.common.required})</span>}</td>
                <td><code className="text-xs">{f.name}</code></td>
                <td>{m.cases.fieldTypes[f.type ?? 'TEXT']}</td>
                <td><span className="flex flex-wrap gap-1">{f.options?.map((o) => <Badge key={o}>{o}</Badge>)}</span></td>
                <RowActions name={f.label ?? ''} reason={manage} onEdit={() => edit(f)} onDelete={() => { remove.reset(); setDeleting(f); }} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <DeleteDialog target={deleting} onClose={() => setDeleting(null)} title={m.cases.deleteField} question={m.cases.deleteFieldConfirm(deleting?.label ?? '')} remove={remove} />
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { Plus, X } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/misc';
import { ApiError } from '@/lib/problem';
import { m } from '@/lib/messages';
import { useSuites } from '@/features/testcases/api/cases';
import { useMembers } from '@/features/projects/api/projects';
import { useRunMutations } from '../api/runs';
import { buildMatrix, MAX_DIMENSIONS, type Dimension } from '../matrix';

interface Props {
  projectId: string;
  open: boolean;
  onOpenChange: (o: boolean) => void;
  /** cases picked in the case list; none: choose suites or the whole project */
  caseIds?: string[];
}

export function CreateRunDialog({ projectId, open, onOpenChange, caseIds = [] }: Props) {
  const { create } = useRunMutations(projectId);
  const suites = useSuites(projectId);
  const members = useMembers(projectId);
  const [assignees, setAssignees] = useState<string[]>([]);
  const navigate = useNavigate();
  const [form, setForm] = useState({ name: '', environment: '', buildVersion: '', tags: '' });
  const [dimensions, setDimensions] = useState<Dimension[]>([{ name: 'Browser', values: '' }]);
  const matrix = buildMatrix(dimensions);
  const setDimension = (i: number, patch: Partial<Dimension>) => setDimensions(dimensions.map((d, j) => (i === j ? { ...d, ...patch } : d)));
  const [suiteIds, setSuiteIds] = useState<string[]>([]);
  const apiError = create.error instanceof ApiError ? create.error : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (matrix.error) return;
    const list = (s: string) => s.split(',').map((x) => x.trim()).filter(Boolean);
    create.mutate(
      {
        projectId,
        name: form.name.trim(),
        environment: form.environment || undefined,
        buildVersion: form.buildVersion || undefined,
        matrix: matrix.matrix,
        assignees: assignees.length ? assignees : undefined,
        selection: {
          caseIds: caseIds.length ? caseIds : undefined,
          suiteIds: !caseIds.length && suiteIds.length ? suiteIds : undefined,
          tags: list(form.tags).length ? list(form.tags) : undefined,
        },
      },
      { onSuccess: (run) => navigate(`/projects/${projectId}/runs/${run.id}`) },
    );
  };
  const text = (k: keyof typeof form) => ({ value: form[k], onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }) });
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={m.runs.create} description={caseIds.length ? `${caseIds.length} ${m.cases.title.toLowerCase()}` : undefined}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <ProblemAlert error={create.error} />
        <Field label={m.runs.name} error={apiError?.fieldError('name')}>{(p) => <Input {...p} {...text('name')} />}</Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={m.runs.environment}>{(p) => <Input {...p} {...text('environment')} />}</Field>
          <Field label={m.runs.build}>{(p) => <Input {...p} {...text('buildVersion')} />}</Field>
        </div>
        <fieldset className="flex flex-col gap-2 text-sm">
          <legend className="mb-1 font-medium">{m.runs.configurations}</legend>
          <p className="text-xs text-muted">{m.runs.matrixHelp}</p>
          {dimensions.map((d, i) => (
            <div key={i} role="group" aria-label={m.runs.dimension(i + 1)} className="grid grid-cols-[8rem_1fr_auto] items-center gap-2">
              <Input aria-label={`${m.runs.dimension(i + 1)}: ${m.runs.dimensionName}`} placeholder={m.runs.dimensionName} value={d.name} onChange={(e) => setDimension(i, { name: e.target.value })} />
              <Input aria-label={`${m.runs.dimension(i + 1)}: ${m.runs.dimensionValues}`} placeholder={i === 0 ? 'Chrome, Firefox' : 'Linux, Windows'} value={d.values} onChange={(e) => setDimension(i, { values: e.target.value })} />
              <Button size="sm" variant="ghost" aria-label={m.runs.removeDimension(i + 1)} disabled={dimensions.length === 1} onClick={() => setDimensions(dimensions.filter((_, j) => j !== i))}>
                <X size={14} aria-hidden />
              </Button>
            </div>
          ))}
          <div>
            <Button size="sm" disabled={dimensions.length >= MAX_DIMENSIONS} onClick={() => setDimensions([...dimensions, { name: dimensions.length === 1 ? 'OS' : '', values: '' }])}>
              <Plus size={14} aria-hidden /> {m.runs.addDimension}
            </Button>
          </div>
          {matrix.error ? (
            <p role="alert" className="text-xs text-danger">{matrix.error}</p>
          ) : matrix.labels.length > 0 && (
            <p aria-live="polite" data-testid="matrix-preview" className="text-xs text-muted">{m.runs.combinations(matrix.labels.length)} {matrix.labels.join(' · ')}</p>
          )}
        </fieldset>
        {!caseIds.length && (
          <fieldset className="flex flex-col gap-1 text-sm">
            <legend className="mb-1 font-medium">{m.runs.selection}</legend>
            <p className="text-xs text-muted">{suiteIds.length ? m.runs.bySuites : m.runs.wholeProject}</p>
            <div className="flex max-h-40 flex-col gap-1 overflow-auto">
              {suites.data?.map((s) => (
                <label key={s.id} className="flex items-center gap-2">
                  <input type="checkbox" checked={suiteIds.includes(s.id!)} onChange={(e) => setSuiteIds(e.target.checked ? [...suiteIds, s.id!] : suiteIds.filter((x) => x !== s.id))} />
                  {s.name}
                </label>
              ))}
            </div>
            <Field label={m.cases.tags}>{(p) => <Input {...p} {...text('tags')} />}</Field>
          </fieldset>
        )}
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="mb-1 font-medium">{m.runs.assignees}</legend>
          <div className="flex max-h-32 flex-col gap-1 overflow-auto">
            {members.data?.filter((mb) => mb.role === 'TESTER' || mb.role === 'LEAD').map((mb) => (
              <label key={mb.userId} className="flex items-center gap-2">
                <input type="checkbox" checked={assignees.includes(mb.userId!)} onChange={(e) => setAssignees(e.target.checked ? [...assignees, mb.userId!] : assignees.filter((x) => x !== mb.userId))} />
                {mb.name}
              </label>
            ))}
          </div>
        </fieldset>
        <div className="flex justify-end gap-2">
          <Button onClick={() => onOpenChange(false)}>{m.common.cancel}</Button>
          <Button type="submit" variant="primary" disabled={create.isPending || !form.name.trim() || !!matrix.error}>{m.common.create}</Button>
        </div>
      </form>
    </Dialog>
  );
}

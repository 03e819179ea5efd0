import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { History } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input, Select, Textarea } from '@/components/ui/field';
import { Card, Notice, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { ApiError } from '@/lib/problem';
import { caseApi, unwrap } from '@/lib/api/client';
import { m } from '@/lib/messages';
import { useProjectAccess } from '@/features/projects/api/projects';
import { PRIORITIES, STATUSES, TYPES, useCase, useCaseMutations, useSuites, type CaseInput, type CaseView } from '../api/cases';
import { StepsEditor, newStep, type EditableStep } from '../components/steps-editor';
import { caseText } from '../case-text';
import { CustomFields } from '../components/custom-fields';
import { useFields, useSharedSteps } from '../api/library';

interface Form {
  title: string;
  description: string;
  preconditions: string;
  type: string;
  priority: string;
  status: string;
  tags: string;
  estimateMinutes: string;
  suiteId: string;
  steps: EditableStep[];
  customFields: Record<string, unknown>;
}

const fromCase = (c?: CaseView, suiteId?: string | null): Form => ({
  title: c?.title ?? '',
  description: c?.description ?? '',
  preconditions: c?.preconditions ?? '',
  type: c?.type ?? 'FUNCTIONAL',
  priority: c?.priority ?? 'MEDIUM',
  status: c?.status ?? 'DRAFT',
  tags: c?.tags?.join(', ') ?? '',
  estimateMinutes: c?.estimateMinutes?.toString() ?? '',
  suiteId: c?.suiteId ?? suiteId ?? '',
  customFields: { ...(c?.customFields ?? {}) },
  steps: (c?.steps ?? []).map((s) => newStep({ action: s.action ?? '', expectedResult: s.expectedResult ?? '', testData: s.testData ?? '', sharedStepsId: s.sharedStepsId })),
});

export function toInput(f: Form, version?: number): CaseInput {
  return {
    version,
    title: f.title.trim(),
    description: f.description || undefined,
    preconditions: f.preconditions || undefined,
    type: f.type as CaseInput['type'],
    priority: f.priority as CaseInput['priority'],
    status: f.status as CaseInput['status'],
    tags: f.tags.split(',').map((t) => t.trim()).filter(Boolean),
    estimateMinutes: f.estimateMinutes ? Number(f.estimateMinutes) : undefined,
    suiteId: f.suiteId || undefined,
    customFields: Object.keys(f.customFields).length ? f.customFields : undefined,
    steps: f.steps.map((s, i) => (s.sharedStepsId ? { index: i + 1, sharedStepsId: s.sharedStepsId } : { index: i + 1, action: s.action, expectedResult: s.expectedResult || undefined, testData: s.testData || undefined })),
  };
}

function Editor({ projectId, existing }: { projectId: string; existing?: CaseView }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const suites = useSuites(projectId);
  const fields = useFields(projectId);
  const shared = useSharedSteps(projectId);
  const access = useProjectAccess(projectId);
  const readOnly = access.may('WRITE_CASES') ? null : m.common.noPermission('change test cases');
  const { create, update } = useCaseMutations(projectId);
  const [form, setForm] = useState<Form>(() => (existing ? fromCase(existing) : { ...fromCase(undefined, params.get('suiteId')), steps: [newStep()] }));
  const [version, setVersion] = useState(existing?.version);
  const [stale, setStale] = useState<CaseView | null>(null);
  const [tried, setTried] = useState(false);
  const mutation = existing ? update : create;
  const apiError = mutation.error instanceof ApiError ? mutation.error : null;

  const save = (againstVersion = version) => {
    const body = toInput(form, againstVersion);
    if (!existing) {
      create.mutate(body, { onSuccess: (c) => navigate(`/projects/${projectId}/cases/${c.id}`, { replace: true }) });
      return;
    }
    update.mutate(
      { id: existing.id!, body },
      {
        onSuccess: (c) => { setVersion(c.version); setStale(null); },
        onError: async (e) => {
          // Someone saved first: show both, never overwrite silently.
          if (e instanceof ApiError && e.isStale) setStale(await unwrap(caseApi.GET('/api/tests/{id}', { params: { path: { id: existing.id! } } })));
        },
      },
    );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (form.title.trim()) save();
  };
  const text = (k: keyof Form) => ({ value: form[k] as string, disabled: !!readOnly, onChange: (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value }) });
  const pick = (k: keyof Form, options: readonly string[]) => (p: object) => (
    <Select {...p} {...text(k)}>{options.map((o) => <option key={o} value={o}>{o.charAt(0) + o.slice(1).toLowerCase()}</option>)}</Select>
  );

  return (
    <form onSubmit={submit} className="flex flex-col gap-5" noValidate>
      <PageHeader
        title={existing ? `${existing.key} · ${m.cases.edit}` : m.cases.newCase}
        actions={
          <>
            {existing && <Link to="history" className="inline-flex h-9 items-center gap-1.5 rounded-md border border-line px-3 text-sm hover:bg-sunken"><History size={15} aria-hidden /> {m.cases.history}</Link>}
            <Button type="submit" variant="primary" disabledReason={readOnly} disabled={mutation.isPending}>{mutation.isPending ? m.common.saving : m.common.save}</Button>
          </>
        }
      >
        {existing && m.cases.version(version ?? 0)}
      </PageHeader>
      {mutation.error && !apiError?.isStale && <ProblemAlert error={mutation.error} />}
      {update.isSuccess && <Notice>{m.common.saved}</Notice>}
      <Card className="grid gap-4 md:grid-cols-2">
        <Field className="md:col-span-2" label={m.cases.caseTitle} error={(tried && !form.title.trim() ? m.common.required : null) ?? apiError?.fieldError('title')}>
          {(p) => <Input {...p} {...text('title')} />}
        </Field>
        <Field label={m.common.description}>{(p) => <Textarea {...p} {...text('description')} />}</Field>
        <Field label={m.cases.preconditions}>{(p) => <Textarea {...p} {...text('preconditions')} />}</Field>
        <div className="grid grid-cols-3 gap-3 md:col-span-2">
          <Field label={m.cases.type}>{pick('type', TYPES)}</Field>
          <Field label={m.cases.priority}>{pick('priority', PRIORITIES)}</Field>
          <Field label={m.common.status}>{pick('status', STATUSES)}</Field>
        </div>
        <Field label={m.cases.suite}>
          {(p) => (
            <Select {...p} {...text('suiteId')}>
              <option value="">{m.cases.noSuite}</option>
              {suites.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
            </Select>
          )}
        </Field>
        <div className="grid grid-cols-2 gap-3">
          <Field label={m.cases.tags} error={apiError?.fieldError('tags')}>{(p) => <Input {...p} {...text('tags')} />}</Field>
          <Field label={m.cases.estimate}>{(p) => <Input {...p} type="number" min={0} {...text('estimateMinutes')} />}</Field>
        </div>
        <CustomFields
          fields={fields.data ?? []}
          values={form.customFields}
          onChange={(customFields) => setForm({ ...form, customFields })}
          disabled={!!readOnly}
          errorOf={(name) => apiError?.fieldError(name)}
        />
      </Card>
      <Card>
        <h2 className="mb-3 font-semibold">{m.cases.steps}</h2>
        <StepsEditor steps={form.steps} onChange={(steps) => setForm({ ...form, steps })} disabled={!!readOnly} shared={shared.data ?? []} />
      </Card>
      <Dialog open={!!stale} onOpenChange={(o) => !o && setStale(null)} title={m.cases.stale} description={m.cases.staleHelp} wide>
        {stale && (
          <div className="grid gap-4 md:grid-cols-2" data-testid="stale-compare">
            <div>
              <h3 className="mb-2 text-sm font-semibold">{m.cases.theirs} ({m.cases.version(stale.version ?? 0)})</h3>
              <pre tabIndex={0} aria-label={m.cases.theirs} className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-sunken p-3 text-xs">{caseText(stale)}</pre>
            </div>
            <div>
              <h3 className="mb-2 text-sm font-semibold">{m.cases.yours}</h3>
              <pre tabIndex={0} aria-label={m.cases.yours} className="max-h-96 overflow-auto whitespace-pre-wrap rounded bg-sunken p-3 text-xs">{caseText(toInput(form))}</pre>
            </div>
            <div className="flex justify-end gap-2 md:col-span-2">
              <Button onClick={() => { setForm(fromCase(stale)); setVersion(stale.version); setStale(null); }}>{m.cases.discardMine}</Button>
              <Button variant="primary" onClick={() => { setVersion(stale.version); save(stale.version); }}>{m.cases.keepMine}</Button>
            </div>
          </div>
        )}
      </Dialog>
    </form>
  );
}

export default function CaseEditorPage() {
  const { projectId = '', caseId } = useParams();
  const existing = useCase(caseId);
  if (caseId && existing.isPending) return <Skeleton rows={8} />;
  if (caseId && existing.error) return <ProblemAlert error={existing.error} />;
  return <Editor key={caseId ?? 'new'} projectId={projectId} existing={existing.data} />;
}

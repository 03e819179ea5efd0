import { useCallback, useEffect, useState } from 'react';
import { useMutationState } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { ChevronLeft, ChevronRight, Pause, Play, Timer } from 'lucide-react';
import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { Field, Textarea } from '@/components/ui/field';
import { Badge, Card, ProblemAlert, Skeleton, StatusBadge } from '@/components/ui/misc';
import { formatDuration } from '@/lib/format';
import { m } from '@/lib/messages';
import { useProjectAccess } from '@/features/projects/api/projects';
import { useExecutions, type Execution } from '@/features/runs/api/runs';
import { useExecution, useExecutorMutations, type StepStatus } from '../api/executor';
import { Attachments } from '../components/attachments';
import { commandFor } from '../keys';

const STATUS_BUTTONS: { status: StepStatus; key: string; tone: string }[] = [
  { status: 'PASS', key: 'P', tone: 'border-pass text-pass' },
  { status: 'FAIL', key: 'F', tone: 'border-fail text-fail' },
  { status: 'BLOCKED', key: 'B', tone: 'border-blocked text-blocked' },
  { status: 'SKIPPED', key: 'S', tone: 'border-skip text-skip' },
];

interface Draft {
  actualResult: string;
  comment: string;
  /** typed since it was last sent */
  unsaved: boolean;
}

function useElapsed(e: Execution) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!e.timerStartedAt) return;
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, [e.timerStartedAt]);
  return (e.timeSpentMs ?? 0) + (e.timerStartedAt ? Math.max(0, now - Date.parse(e.timerStartedAt)) : 0);
}

function Executor({ execution, projectId }: { execution: Execution; projectId: string }) {
  const navigate = useNavigate();
  const siblings = useExecutions(execution.runId!);
  const access = useProjectAccess(projectId);
  const readOnly = access.may('EXECUTE') ? null : m.common.noPermission('execute tests');
  const { recordStep, setStatus, timer, upload } = useExecutorMutations(execution);
  const steps = execution.steps ?? [];
  const [current, setCurrent] = useState(() => Math.max(0, steps.findIndex((s) => !s.status)));
  const [drafts, setDrafts] = useState<Record<number, Draft>>({});
  const elapsed = useElapsed(execution);
  const step = steps[current];
  const draftOf = useCallback(
    (i: number): Draft => drafts[i] ?? { actualResult: steps[i]?.actualResult ?? '', comment: steps[i]?.comment ?? '', unsaved: false },
    [drafts, steps],
  );
  const order = siblings.data ?? [];
  const at = order.findIndex((x) => x.id === execution.id);

  // Every save of a step in flight or failed, newest last: a step is unsaved until its newest save
  // has succeeded (a later save of another step must not hide an earlier one still retrying).
  const saves = useMutationState({
    filters: { mutationKey: ['record-step', execution.id] },
    select: (mu) => ({ index: (mu.state.variables as { index: number }).index, status: mu.state.status, at: mu.state.submittedAt }),
  });
  const lastSave = new Map([...saves].sort((a, b) => a.at - b.at).map((sv) => [sv.index, sv.status] as const));
  const isUnsaved = (i: number) => draftOf(i).unsaved || ['pending', 'error'].includes(lastSave.get(steps[i]?.index ?? -1) ?? '');

  const save = useCallback(
    (i: number, status: StepStatus | undefined) => {
      const s = steps[i];
      if (!s || !status || readOnly) return;
      const d = draftOf(i);
      setDrafts((all) => ({ ...all, [i]: { ...d, unsaved: false } }));
      recordStep.mutate({ index: s.index!, status, actualResult: d.actualResult || undefined, comment: d.comment || undefined });
      // On to the next step; the save goes on in the background (and is retried if it fails).
      if (i === current && i < steps.length - 1) setCurrent(i + 1);
    },
    [steps, draftOf, recordStep, readOnly, current],
  );

  const goCase = useCallback(
    (by: 1 | -1) => {
      const next = order[at + by];
      if (next) navigate(`/projects/${projectId}/runs/${execution.runId}/execute/${next.id}`);
    },
    [order, at, navigate, projectId, execution.runId],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // Escape leaves a text field, so the one-key commands work again.
      if (e.key === 'Escape' && e.target instanceof HTMLElement && ['TEXTAREA', 'INPUT'].includes(e.target.tagName)) {
        e.target.blur();
        return;
      }
      const cmd = commandFor(e);
      if (!cmd) return;
      e.preventDefault();
      if (cmd.kind === 'status') {
        if (steps.length) save(current, cmd.status);
        else if (!readOnly) setStatus.mutate(({ PASS: 'PASSED', FAIL: 'FAILED', BLOCKED: 'BLOCKED', SKIPPED: 'SKIPPED' } as const)[cmd.status]);
      } else if (cmd.kind === 'step') setCurrent((c) => Math.min(Math.max(0, c + cmd.by), Math.max(0, steps.length - 1)));
      else goCase(cmd.by);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [current, steps.length, save, setStatus, goCase, readOnly]);

  // Nothing typed is lost by leaving: the browser asks first while a change is unsaved.
  const unsaved = steps.some((_, i) => isUnsaved(i));
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const onFiles = (files: File[]) => files.forEach((file) => upload.mutate({ file, stepIndex: step?.index }));
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])];
      if (files.length && !readOnly) { e.preventDefault(); files.forEach((file) => upload.mutate({ file, stepIndex: step?.index })); }
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [upload, step, readOnly]);

  const d = draftOf(current);
  const edit = (patch: Partial<Draft>) => setDrafts((all) => ({ ...all, [current]: { ...d, ...patch, unsaved: true } }));

  return (
    <div className="flex flex-col gap-4">
      <header className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <p className="text-sm text-muted">
            <Link to={`/projects/${projectId}/runs/${execution.runId}`} className="text-accent underline">{m.runs.title}</Link>
            {order.length > 0 && ` · ${at + 1} / ${order.length}`}
          </p>
          <h1 className="text-xl font-semibold"><span className="font-mono text-base text-muted">{execution.caseKey}</span> {execution.title}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
            <StatusBadge status={execution.status} />
            <Badge>{m.executor.caseVersion(execution.caseVersion)}</Badge>
            {execution.configuration && <Badge>{execution.configuration}</Badge>}
          </p>
        </div>
        <div className="flex items-center gap-2">
          <span className="flex items-center gap-1 font-mono text-sm tabular-nums" aria-label={m.executor.timer}><Timer size={15} aria-hidden /> {formatDuration(elapsed)}</span>
          <Button size="sm" onClick={() => timer.mutate(!execution.timerStartedAt)} disabledReason={readOnly}>
            {execution.timerStartedAt ? <><Pause size={14} aria-hidden /> {m.executor.stop}</> : <><Play size={14} aria-hidden /> {m.executor.start}</>}
          </Button>
          <Button size="sm" onClick={() => goCase(-1)} disabled={at <= 0} aria-label={m.executor.prevCase}><ChevronLeft size={15} /></Button>
          <Button size="sm" onClick={() => goCase(1)} disabled={at < 0 || at >= order.length - 1} aria-label={m.executor.nextCase}><ChevronRight size={15} /></Button>
        </div>
      </header>
      <p className="text-xs text-muted">{m.executor.keys}</p>
      {(execution.message || execution.details) && (
        // An imported result's failure: the message shown, the stack trace folded.
        <details className="rounded-md border border-fail/40 bg-fail/5 p-3 text-sm">
          <summary className="cursor-pointer font-medium text-fail">{execution.message ?? m.executor.stackTrace}</summary>
          {execution.details && <pre tabIndex={0} aria-label={m.executor.stackTrace} className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap text-xs">{execution.details}</pre>}
        </details>
      )}
      <ProblemAlert error={recordStep.error ?? setStatus.error ?? timer.error} />
      {recordStep.isPending && recordStep.failureCount > 0 && <p role="status" className="text-sm text-blocked">{m.executor.retrying}</p>}
      {steps.length === 0 ? (
        <Card>
          <p className="mb-3 text-sm">{m.executor.noSteps}</p>
          <div className="flex gap-2">
            {(['PASSED', 'FAILED', 'BLOCKED', 'SKIPPED'] as const).map((s) => (
              <Button key={s} onClick={() => setStatus.mutate(s)} disabledReason={readOnly}>{m.status[s]}</Button>
            ))}
          </div>
        </Card>
      ) : (
        <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
          <ol className="flex flex-col gap-1" aria-label={m.cases.steps}>
            {steps.map((s, i) => (
              <li key={s.index}>
                <button
                  type="button"
                  onClick={() => setCurrent(i)}
                  aria-current={i === current ? 'step' : undefined}
                  className={clsx('flex w-full items-center gap-2 rounded-md border px-2 py-1.5 text-left text-sm', i === current ? 'border-accent bg-accent/10' : 'border-transparent hover:bg-sunken')}
                >
                  <span className="w-5 text-muted tabular-nums">{s.index}</span>
                  <span className="min-w-0 flex-1 truncate">{s.action}</span>
                  {isUnsaved(i) ? <span className="text-xs text-blocked">{m.common.unsaved}</span> : <StatusBadge status={s.status ?? 'NOT_RUN'} />}
                </button>
              </li>
            ))}
          </ol>
          {step && (
            <Card className="flex flex-col gap-4" >
              <div data-testid="current-step">
                <h2 className="text-sm font-semibold text-muted">{m.cases.step(step.index ?? current + 1)}</h2>
                <p className="mt-1 whitespace-pre-wrap">{step.action}</p>
                {step.testData && <p className="mt-2 whitespace-pre-wrap text-sm"><span className="text-muted">{m.cases.testData}: </span>{step.testData}</p>}
                {step.expectedResult && <p className="mt-2 whitespace-pre-wrap text-sm"><span className="text-muted">{m.cases.expected}: </span>{step.expectedResult}</p>}
              </div>
              <div className="flex flex-wrap gap-2" role="group" aria-label={m.common.status}>
                {STATUS_BUTTONS.map((b) => (
                  <Button
                    key={b.status}
                    onClick={() => save(current, b.status)}
                    disabledReason={readOnly}
                    aria-pressed={step.status === b.status}
                    aria-keyshortcuts={b.key}
                    className={clsx('border-2', b.tone, step.status === b.status && 'bg-sunken')}
                  >
                    {m.status[b.status]} <kbd className="rounded border border-line px-1 text-xs text-muted">{b.key}</kbd>
                  </Button>
                ))}
              </div>
              <Field label={m.executor.actual}>{(p) => <Textarea {...p} value={d.actualResult} disabled={!!readOnly} onChange={(e) => edit({ actualResult: e.target.value })} />}</Field>
              <Field label={m.executor.comment}>{(p) => <Textarea {...p} value={d.comment} disabled={!!readOnly} onChange={(e) => edit({ comment: e.target.value })} />}</Field>
              <div className="flex items-center gap-3">
                <Button variant="primary" onClick={() => save(current, step.status ?? undefined)} disabledReason={readOnly} disabled={!step.status || !isUnsaved(current)}>
                  {m.executor.saveStep}
                </Button>
                <span className="text-sm text-muted" role="status" data-testid="save-state">{isUnsaved(current) ? m.common.unsaved : step.status ? m.common.saved : ''}</span>
              </div>
              <Attachments executionId={execution.id!} onFiles={onFiles} error={upload.error} busy={upload.isPending} />
            </Card>
          )}
        </div>
      )}
    </div>
  );
}

export default function ExecutorPage() {
  const { projectId = '', executionId = '' } = useParams();
  const execution = useExecution(executionId);
  if (execution.isPending) return <Skeleton rows={8} />;
  if (execution.error) return <ProblemAlert error={execution.error} />;
  return <Executor key={executionId} execution={execution.data} projectId={projectId} />;
}

import { useState, type KeyboardEvent } from 'react';
import { GripVertical, Plus, Trash2 } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Select, Textarea } from '@/components/ui/field';
import { m } from '@/lib/messages';
import { moveItem } from '../tree';

export interface EditableStep {
  key: string;
  action: string;
  expectedResult: string;
  testData: string;
  sharedStepsId?: string;
}

let counter = 0;
export const newStep = (s: Partial<EditableStep> = {}): EditableStep => ({ key: `s${++counter}`, action: '', expectedResult: '', testData: '', ...s });

/** Steps: add, edit, remove, reorder by dragging a handle or with Alt+↑/Alt+↓ on it. */
/** Shared step groups the editor can include by reference. */
export interface SharedGroup {
  id?: string;
  name?: string;
  steps?: unknown[];
}

export function StepsEditor({ steps, onChange, disabled, shared = [] }: { steps: EditableStep[]; onChange: (s: EditableStep[]) => void; disabled?: boolean; shared?: SharedGroup[] }) {
  const [dragged, setDragged] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const set = (i: number, patch: Partial<EditableStep>) => onChange(steps.map((s, j) => (i === j ? { ...s, ...patch } : s)));
  const move = (from: number, to: number) => {
    const next = moveItem(steps, from, to);
    if (next !== steps) {
      onChange(next);
      setAnnounce(`${m.cases.step(from + 1)} → ${to + 1}`);
      // keep the focus on the moved step's handle
      requestAnimationFrame(() => document.getElementById(`step-handle-${next[to].key}`)?.focus());
    }
  };
  const onKey = (i: number) => (e: KeyboardEvent) => {
    if (e.altKey && e.key === 'ArrowUp') { e.preventDefault(); move(i, i - 1); }
    if (e.altKey && e.key === 'ArrowDown') { e.preventDefault(); move(i, i + 1); }
  };
  return (
    <div className="flex flex-col gap-3">
      <p className="text-xs text-muted">{m.cases.reorderHint}</p>
      <p className="sr-only" aria-live="polite">{announce}</p>
      <ol className="flex flex-col gap-3">
        {steps.map((s, i) => (
          <li
            key={s.key}
            data-testid="step"
            className="grid grid-cols-[auto_1fr_1fr_auto] items-start gap-2 rounded-md border border-line bg-raised p-2"
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => { if (dragged != null) move(dragged, i); setDragged(null); }}
          >
            <button
              type="button"
              id={`step-handle-${s.key}`}
              draggable={!disabled}
              onDragStart={() => setDragged(i)}
              onKeyDown={onKey(i)}
              className="mt-1 flex cursor-grab items-center gap-1 rounded p-1 text-xs text-muted hover:bg-sunken"
              aria-label={`${m.cases.step(i + 1)}: ${m.common.move}`}
            >
              <GripVertical size={14} aria-hidden /> {i + 1}
            </button>
            {s.sharedStepsId ? (
              <p className="col-span-2 self-center text-sm">
                {m.cases.sharedSteps}: <strong>{shared.find((g) => g.id === s.sharedStepsId)?.name ?? s.sharedStepsId}</strong>
              </p>
            ) : (
              <>
                <Textarea aria-label={`${m.cases.step(i + 1)}: ${m.cases.action}`} placeholder={m.cases.action} value={s.action} disabled={disabled} onChange={(e) => set(i, { action: e.target.value })} className="min-h-16" />
                <Textarea aria-label={`${m.cases.step(i + 1)}: ${m.cases.expected}`} placeholder={m.cases.expected} value={s.expectedResult} disabled={disabled} onChange={(e) => set(i, { expectedResult: e.target.value })} className="min-h-16" />
              </>
            )}
            <Button size="sm" variant="ghost" aria-label={`${m.cases.removeStep} ${i + 1}`} disabled={disabled} onClick={() => onChange(steps.filter((_, j) => j !== i))}>
              <Trash2 size={14} aria-hidden />
            </Button>
          </li>
        ))}
      </ol>
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => onChange([...steps, newStep()])} disabled={disabled}>
          <Plus size={15} aria-hidden /> {m.cases.addStep}
        </Button>
        {shared.length > 0 && (
          <Select
            aria-label={m.cases.insertShared}
            value=""
            disabled={disabled}
            className="w-auto"
            onChange={(e) => e.target.value && onChange([...steps, newStep({ sharedStepsId: e.target.value })])}
          >
            <option value="">{m.cases.insertShared}</option>
            {shared.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
          </Select>
        )}
      </div>
    </div>
  );
}

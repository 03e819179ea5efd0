import { EXECUTION_STATUSES } from '../api/runs';
import { m } from '@/lib/messages';

const colours: Record<string, string> = {
  PASSED: 'bg-pass', FAILED: 'bg-fail', BLOCKED: 'bg-blocked', SKIPPED: 'bg-skip', RETEST: 'bg-blocked/60', IN_PROGRESS: 'bg-accent/60', NOT_RUN: 'bg-sunken',
};

/** A run's executions by status as one stacked bar (cheap enough for lists; the run page adds a chart). */
export function ProgressBar({ counts }: { counts?: Record<string, number> }) {
  const total = Object.values(counts ?? {}).reduce((s, n) => s + n, 0);
  const label = EXECUTION_STATUSES.filter((s) => counts?.[s]).map((s) => `${m.status[s]} ${counts![s]}`).join(', ');
  return (
    <div className="flex h-2.5 w-full overflow-hidden rounded-full bg-sunken" role="img" aria-label={label || m.status.NOT_RUN}>
      {total > 0 && EXECUTION_STATUSES.map((s) => (counts?.[s] ? <div key={s} className={colours[s]} style={{ width: `${(counts[s] / total) * 100}%` }} /> : null))}
    </div>
  );
}

import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { m } from '@/lib/messages';
import { formatNumber } from '@/lib/format';
import { EXECUTION_STATUSES } from '../api/runs';

const fills: Record<string, string> = {
  PASSED: 'var(--tt-pass)', FAILED: 'var(--tt-fail)', BLOCKED: 'var(--tt-blocked)', SKIPPED: 'var(--tt-skip)', RETEST: 'var(--tt-blocked)', IN_PROGRESS: 'var(--tt-accent)', NOT_RUN: 'var(--tt-line)',
};

export default function StatusChart({ counts }: { counts: Record<string, number> }) {
  const data = EXECUTION_STATUSES.map((s) => ({ status: m.status[s], key: s, count: counts[s] ?? 0 }));
  return (
    <div className="h-56" aria-hidden>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ left: 24, right: 16 }} accessibilityLayer={false}>
          <XAxis type="number" allowDecimals={false} tickFormatter={formatNumber} stroke="var(--tt-muted)" fontSize={12} />
          <YAxis type="category" dataKey="status" width={90} stroke="var(--tt-muted)" fontSize={12} />
          <Tooltip formatter={(v) => formatNumber(Number(v))} contentStyle={{ background: 'var(--tt-raised)', border: '1px solid var(--tt-line)' }} />
          <Bar dataKey="count" isAnimationActive={false}>
            {data.map((d) => <Cell key={d.key} fill={fills[d.key]} />)}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

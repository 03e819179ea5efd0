export type ExecutorCommand =
  | { kind: 'status'; status: 'PASS' | 'FAIL' | 'BLOCKED' | 'SKIPPED' }
  | { kind: 'step'; by: 1 | -1 }
  | { kind: 'case'; by: 1 | -1 };

/** The executor's one-key commands; none while the user types in a field. */
export function commandFor(e: { key: string; target: EventTarget | null; ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean; shiftKey?: boolean }): ExecutorCommand | null {
  const el = e.target as HTMLElement | null;
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))) return null;
  switch (e.key.toLowerCase()) {
    case 'p': return { kind: 'status', status: 'PASS' };
    case 'f': return { kind: 'status', status: 'FAIL' };
    case 'b': return { kind: 'status', status: 'BLOCKED' };
    case 's': return { kind: 'status', status: 'SKIPPED' };
    case 'j': case 'arrowright': case 'arrowdown': return { kind: 'step', by: 1 };
    case 'k': case 'arrowleft': case 'arrowup': return { kind: 'step', by: -1 };
    case 'n': return { kind: 'case', by: e.shiftKey ? -1 : 1 };
    default: return null;
  }
}

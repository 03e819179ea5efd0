import type { CaseSchemas } from '@/lib/api/client';

type Content = Partial<CaseSchemas['CaseContentView']>;

/** A case's content as plain text, one field a line: what the history diff and the stale-edit view compare. */
export function caseText(c: Content): string {
  const lines = [
    `Title: ${c.title ?? ''}`,
    `Type: ${c.type ?? ''}`,
    `Priority: ${c.priority ?? ''}`,
    `Status: ${c.status ?? ''}`,
    `Tags: ${(c.tags ?? []).join(', ')}`,
    `Estimate: ${c.estimateMinutes ?? ''}`,
    `Description: ${c.description ?? ''}`,
    `Preconditions: ${c.preconditions ?? ''}`,
    ...(c.steps ?? []).flatMap((s, i) => [`Step ${i + 1}: ${s.action ?? ''}`, `  Expected: ${s.expectedResult ?? ''}`]),
  ];
  return lines.join('\n');
}

import { Pencil, Trash2 } from 'lucide-react';
import { m } from '@/lib/messages';
import { Button } from './button';

/** The edit and delete buttons at the end of a table row, named after the row's item. */
export function RowActions({ name, reason, onEdit, onDelete }: { name: string; reason: string | null; onEdit: () => void; onDelete: () => void }) {
  return (
    <td className="whitespace-nowrap text-right">
      <Button size="sm" variant="ghost" aria-label={`${m.common.edit} ${name}`} disabledReason={reason} onClick={onEdit}><Pencil size={14} aria-hidden /></Button>
      <Button size="sm" variant="ghost" aria-label={`${m.common.delete} ${name}`} disabledReason={reason} onClick={onDelete}><Trash2 size={14} aria-hidden /></Button>
    </td>
  );
}

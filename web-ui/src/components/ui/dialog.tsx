import { Dialog as D } from 'radix-ui';
import { X } from 'lucide-react';
import type { ReactNode } from 'react';
import { m } from '@/lib/messages';
import { ProblemAlert } from './misc';

interface DialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: string;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ open, onOpenChange, title, description, children, wide }: DialogProps) {
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-40 bg-black/40" />
        <D.Content
          className={`fixed left-1/2 top-1/2 z-50 max-h-[90vh] w-[calc(100vw-2rem)] -translate-x-1/2 -translate-y-1/2 overflow-auto rounded-lg border border-line bg-raised p-5 text-fg shadow-xl ${wide ? 'max-w-5xl' : 'max-w-lg'}`}
          aria-describedby={description ? undefined : undefined}
        >
          <div className="mb-4 flex items-start justify-between gap-4">
            <div>
              <D.Title className="text-lg font-semibold">{title}</D.Title>
              {description ? <D.Description className="mt-1 text-sm text-muted">{description}</D.Description> : <D.Description className="sr-only">{title}</D.Description>}
            </div>
            <D.Close className="rounded p-1 text-muted hover:bg-sunken" aria-label={m.common.close}>
              <X size={18} />
            </D.Close>
          </div>
          {children}
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}

/** Asks before something is removed; the question says what happens to what depends on it. */
export function ConfirmDialog({ open, onOpenChange, title, question, confirm, onConfirm, busy, error }: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  question: string;
  confirm: string;
  onConfirm: () => void;
  busy?: boolean;
  error?: ReactNode;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={question}>
      {error}
      <div className="flex justify-end gap-2">
        <button type="button" className="h-9 rounded-md border border-line bg-raised px-3.5 text-sm font-medium hover:bg-sunken" onClick={() => onOpenChange(false)}>
          {m.common.cancel}
        </button>
        <button type="button" disabled={busy} className="h-9 rounded-md bg-danger px-3.5 text-sm font-medium text-white hover:opacity-90 disabled:opacity-50 dark:text-gray-950" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}

/** Deletes one item by id through a mutation once the user confirms; the refusal shows in words. */
export function DeleteDialog({ target, onClose, title, question, remove }: {
  target: { id?: string } | null;
  onClose: () => void;
  title: string;
  question: string;
  remove: { isPending: boolean; error: unknown; mutate: (id: string, options: { onSuccess: () => void }) => void };
}) {
  return (
    <ConfirmDialog
      open={!!target}
      onOpenChange={(o) => !o && onClose()}
      title={title}
      question={question}
      confirm={m.common.delete}
      busy={remove.isPending}
      error={<ProblemAlert error={remove.error} className="mb-3" />}
      onConfirm={() => remove.mutate(target!.id!, { onSuccess: onClose })}
    />
  );
}

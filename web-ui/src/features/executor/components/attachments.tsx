import { useRef, useState, type DragEvent } from 'react';
import { Paperclip, Upload } from 'lucide-react';
import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { ProblemAlert } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { formatNumber } from '@/lib/format';
import { useAttachments, useAttachmentUrl, type Attachment } from '../api/executor';

function Preview({ executionId, a }: { executionId: string; a: Attachment }) {
  const url = useAttachmentUrl(executionId, a);
  return (
    <li className="flex items-center gap-2 rounded border border-line p-2 text-xs">
      {url.data ? <img src={url.data} alt={a.fileName ?? ''} className="h-14 w-20 rounded object-cover" /> : <Paperclip size={16} aria-hidden />}
      <span className="min-w-0">
        <span className="block truncate font-medium">{a.fileName}</span>
        <span className="text-muted">{a.stepIndex ? `${m.cases.step(a.stepIndex)} · ` : ''}{formatNumber(Math.ceil((a.size ?? 0) / 1024))} KB</span>
      </span>
    </li>
  );
}

/** Files by drag and drop, by paste (a screenshot) or by the file picker; images are previewed. */
export function Attachments({ executionId, onFiles, error, busy }: { executionId: string; onFiles: (files: File[]) => void; error: unknown; busy: boolean }) {
  const list = useAttachments(executionId);
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    onFiles([...e.dataTransfer.files]);
  };
  return (
    <section aria-label={m.executor.attachments}>
      <h3 className="mb-2 text-sm font-semibold">{m.executor.attachments}</h3>
      <div
        data-testid="dropzone"
        onDragOver={(e) => { e.preventDefault(); setOver(true); }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        className={clsx('flex flex-col items-center gap-2 rounded-md border-2 border-dashed p-4 text-center text-sm text-muted', over ? 'border-accent bg-accent/5' : 'border-line')}
      >
        <Upload size={18} aria-hidden />
        {m.executor.drop}
        <Button size="sm" onClick={() => input.current?.click()} disabled={busy}>{m.executor.choose}</Button>
        <input ref={input} type="file" multiple className="sr-only" aria-label={m.executor.choose} tabIndex={-1} onChange={(e) => { onFiles([...(e.target.files ?? [])]); e.target.value = ''; }} />
      </div>
      <ProblemAlert error={error} className="mt-2" />
      <ul className="mt-2 grid gap-2 sm:grid-cols-2" data-testid="attachments">
        {list.data?.map((a) => <Preview key={a.id} executionId={executionId} a={a} />)}
      </ul>
    </section>
  );
}

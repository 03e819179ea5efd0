import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { ProblemAlert } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { useCaseMutations } from '../api/cases';
import { tagChange } from '../tags';

/** Adds and removes tags on the selected cases in one request. */
export function BulkTagsDialog({ projectId, ids, open, onOpenChange, onDone }: {
  projectId: string;
  ids: string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDone: (affected: number) => void;
}) {
  const { bulkTags } = useCaseMutations(projectId);
  const [add, setAdd] = useState('');
  const [remove, setRemove] = useState('');
  const [tried, setTried] = useState(false);
  const change = tagChange(add, remove);
  const close = (o: boolean) => {
    if (!o) {
      setAdd('');
      setRemove('');
      setTried(false);
      bulkTags.reset();
    }
    onOpenChange(o);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (change.error) return;
    bulkTags.mutate({ ids, addTags: change.add, removeTags: change.remove }, {
      onSuccess: (r) => {
        onDone(r.affected ?? ids.length);
        close(false);
      },
    });
  };
  return (
    <Dialog open={open} onOpenChange={close} title={m.cases.bulkTags.replace('…', '')} description={m.cases.selected(ids.length)}>
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <ProblemAlert error={bulkTags.error} />
        <Field label={m.cases.addTags} hint={m.cases.tagsHelp}>{(p) => <Input {...p} value={add} onChange={(e) => setAdd(e.target.value)} />}</Field>
        <Field label={m.cases.removeTags} error={tried ? change.error : null}>{(p) => <Input {...p} value={remove} onChange={(e) => setRemove(e.target.value)} />}</Field>
        <div className="flex justify-end gap-2">
          <Button onClick={() => close(false)}>{m.common.cancel}</Button>
          <Button type="submit" variant="primary" disabled={bulkTags.isPending}>{m.cases.apply}</Button>
        </div>
      </form>
    </Dialog>
  );
}

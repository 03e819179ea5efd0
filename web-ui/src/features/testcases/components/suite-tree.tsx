import { useState } from 'react';
import { ChevronDown, ChevronUp, Folder, FolderPlus, Pencil, Trash2 } from 'lucide-react';
import clsx from 'clsx';
import { Button } from '@/components/ui/button';
import { Dialog } from '@/components/ui/dialog';
import { Field, Input } from '@/components/ui/field';
import { ProblemAlert, Skeleton } from '@/components/ui/misc';
import { m } from '@/lib/messages';
import { useSuiteMutations, useSuites, type Suite } from '../api/cases';
import { buildTree, flatten } from '../tree';

interface Props {
  projectId: string;
  selected?: string;
  onSelect: (suiteId: string | undefined) => void;
  writable: string | null;
}

/** Suites as a tree: pick one to filter the list; create, rename, reorder (drag or buttons), delete. */
export function SuiteTree({ projectId, selected, onSelect, writable }: Props) {
  const suites = useSuites(projectId);
  const mutations = useSuiteMutations(projectId);
  const [editing, setEditing] = useState<{ suite?: Suite; parentId?: string } | null>(null);
  const [deleting, setDeleting] = useState<Suite | null>(null);
  const [dragged, setDragged] = useState<string | null>(null);
  const [name, setName] = useState('');
  const nodes = flatten(buildTree(suites.data ?? []));
  const error = mutations.create.error ?? mutations.rename.error ?? mutations.move.error ?? mutations.remove.error;

  const siblings = (s: Suite) => nodes.filter((n) => (n.suite.parentId ?? null) === (s.parentId ?? null)).map((n) => n.suite);
  const shift = (s: Suite, by: number) => {
    const list = siblings(s);
    const to = list.findIndex((x) => x.id === s.id) + by;
    if (to >= 0 && to < list.length) mutations.move.mutate({ id: s.id!, parentId: s.parentId, position: to, version: s.version });
  };
  const dropOn = (target: Suite) => {
    const source = nodes.find((n) => n.suite.id === dragged)?.suite;
    setDragged(null);
    if (!source || source.id === target.id) return;
    // Dropped on a sibling: take its place; on another suite: become its last child.
    if ((source.parentId ?? null) === (target.parentId ?? null)) {
      mutations.move.mutate({ id: source.id!, parentId: source.parentId, position: siblings(target).findIndex((x) => x.id === target.id), version: source.version });
    } else {
      mutations.move.mutate({ id: source.id!, parentId: target.id, version: source.version });
    }
  };
  const save = () => {
    const done = { onSuccess: () => setEditing(null) };
    if (editing?.suite) mutations.rename.mutate({ id: editing.suite.id!, name, version: editing.suite.version }, done);
    else mutations.create.mutate({ name, parentId: editing?.parentId }, done);
  };
  const item = (active: boolean) =>
    clsx('flex w-full items-center gap-1.5 truncate rounded px-2 py-1 text-left text-sm', active ? 'bg-accent/15 font-medium text-fg' : 'hover:bg-sunken');

  return (
    <nav aria-label={m.cases.suites} className="flex flex-col gap-1">
      <div className="mb-1 flex items-center justify-between">
        <h2 className="text-sm font-semibold">{m.cases.suites}</h2>
        <Button size="sm" variant="ghost" aria-label={m.cases.newSuite} disabledReason={writable} onClick={() => { setName(''); setEditing({ parentId: selected }); }}>
          <FolderPlus size={15} aria-hidden />
        </Button>
      </div>
      <ProblemAlert error={error} />
      <button type="button" className={item(!selected)} onClick={() => onSelect(undefined)} aria-current={!selected ? 'true' : undefined}>
        {m.cases.allCases}
      </button>
      {suites.isPending && <Skeleton rows={3} className="h-6" />}
      <ul>
        {nodes.map(({ suite, depth }) => (
          <li
            key={suite.id}
            draggable={!writable}
            onDragStart={() => setDragged(suite.id!)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => dropOn(suite)}
            className="group flex items-center"
            style={{ paddingLeft: depth * 12 }}
          >
            <button type="button" className={item(selected === suite.id)} onClick={() => onSelect(suite.id)} aria-current={selected === suite.id ? 'true' : undefined}>
              <Folder size={14} aria-hidden className="shrink-0 text-muted" /> <span className="truncate">{suite.name}</span>
            </button>
            {!writable && (
              <span className="flex opacity-0 group-focus-within:opacity-100 group-hover:opacity-100">
                <button type="button" className="p-1 text-muted hover:text-fg" aria-label={`${m.common.moveUp}: ${suite.name}`} onClick={() => shift(suite, -1)}><ChevronUp size={14} /></button>
                <button type="button" className="p-1 text-muted hover:text-fg" aria-label={`${m.common.moveDown}: ${suite.name}`} onClick={() => shift(suite, 1)}><ChevronDown size={14} /></button>
                <button type="button" className="p-1 text-muted hover:text-fg" aria-label={`${m.common.rename}: ${suite.name}`} onClick={() => { setName(suite.name ?? ''); setEditing({ suite }); }}><Pencil size={14} /></button>
                <button type="button" className="p-1 text-muted hover:text-danger" aria-label={`${m.cases.deleteSuite}: ${suite.name}`} onClick={() => setDeleting(suite)}><Trash2 size={14} /></button>
              </span>
            )}
          </li>
        ))}
      </ul>
      <Dialog open={!!editing} onOpenChange={(o) => !o && setEditing(null)} title={editing?.suite ? m.common.rename : m.cases.newSuite}>
        <form onSubmit={(e) => { e.preventDefault(); save(); }} className="flex flex-col gap-4">
          <ProblemAlert error={mutations.create.error ?? mutations.rename.error} />
          <Field label={m.cases.suiteName}>{(p) => <Input {...p} autoFocus value={name} onChange={(e) => setName(e.target.value)} />}</Field>
          <div className="flex justify-end gap-2">
            <Button onClick={() => setEditing(null)}>{m.common.cancel}</Button>
            <Button type="submit" variant="primary" disabled={!name.trim()}>{m.common.save}</Button>
          </div>
        </form>
      </Dialog>
      <Dialog open={!!deleting} onOpenChange={(o) => !o && setDeleting(null)} title={m.cases.deleteSuite} description={m.cases.deleteSuiteConfirm}>
        <div className="flex justify-end gap-2">
          <Button onClick={() => setDeleting(null)}>{m.common.cancel}</Button>
          <Button variant="danger" onClick={() => mutations.remove.mutate(deleting!.id!, { onSuccess: () => { if (selected === deleting?.id) onSelect(undefined); setDeleting(null); } })}>
            {m.common.delete}
          </Button>
        </div>
      </Dialog>
    </nav>
  );
}

import { useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { Download, FilePlus2, PlayCircle, Tags, Trash2, Upload } from 'lucide-react';
import { Button } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/field';
import { Badge, EmptyState, Notice, PageHeader, ProblemAlert, Skeleton } from '@/components/ui/misc';
import { formatNumber } from '@/lib/format';
import { m } from '@/lib/messages';
import { useEndlessScroll } from '@/lib/use-endless-scroll';
import { useProjectAccess } from '@/features/projects/api/projects';
import { CreateRunDialog } from '@/features/runs/components/create-run-dialog';
import { exportCsv, PRIORITIES, STATUSES, TYPES, useCaseMutations, useCaseSearch, type CaseFilters } from '../api/cases';
import { SuiteTree } from '../components/suite-tree';
import { ImportDialog } from '../components/import-dialog';
import { BulkTagsDialog } from '../components/bulk-tags-dialog';
import { useFields } from '../api/library';

const FILTERS = ['q', 'suiteId', 'tags', 'priority', 'type', 'status', 'automated', 'sort'] as const;
const SORTS = [['key', 'Key'], ['title', m.cases.caseTitle], ['priority', m.cases.priority], ['-updated', m.cases.recent]] as const;

export default function CasesPage() {
  const { projectId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const filters: CaseFilters = Object.fromEntries([
    ...FILTERS.map((f) => [f, params.get(f) ?? undefined]),
    ...[...params.keys()].filter((k) => k.startsWith('cf.')).map((k) => [k, params.get(k) ?? undefined]),
  ]);
  const setFilter = (name: keyof CaseFilters, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => {
    // Search as the user types, once they pause.
    const t = setTimeout(() => text !== (filters.q ?? '') && setFilter('q', text || undefined), 300);
    return () => clearTimeout(t);
  });
  const access = useProjectAccess(projectId);
  const writable = access.may('WRITE_CASES') ? null : m.common.noPermission('change test cases');
  const search = useCaseSearch(projectId, filters);
  const fields = useFields(projectId);
  const { bulkDelete, bulkUpdate } = useCaseMutations(projectId);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [importing, setImporting] = useState(false);
  const [running, setRunning] = useState(false);
  const [tagging, setTagging] = useState(false);
  const [tagged, setTagged] = useState<number | null>(null);

  const sentinel = useEndlessScroll(search);

  const cases = search.data?.pages.flatMap((p) => p.items ?? []) ?? [];
  const first = search.data?.pages[0];
  const toggle = (id: string) => setSelected((s) => { const n = new Set(s); if (n.has(id)) n.delete(id); else n.add(id); return n; });
  const select = (name: keyof CaseFilters, label: string, options: readonly string[]) => (
    <Select aria-label={label} value={filters[name] ?? ''} onChange={(e) => setFilter(name, e.target.value || undefined)} className="w-auto">
      <option value="">{label}: {m.common.all}</option>
      {options.map((o) => <option key={o} value={o}>{o.charAt(0) + o.slice(1).toLowerCase()}</option>)}
    </Select>
  );

  return (
    <>
      <PageHeader
        title={m.cases.title}
        actions={
          <>
            <Button onClick={() => setImporting(true)} disabledReason={writable}><Upload size={15} aria-hidden /> {m.cases.import}</Button>
            <Button onClick={() => void exportCsv(projectId, filters)}><Download size={15} aria-hidden /> {m.cases.export}</Button>
            <Link className="inline-flex h-9 items-center gap-1.5 rounded-md border border-line bg-raised px-3.5 text-sm font-medium hover:bg-sunken" to="trash">
              <Trash2 size={15} aria-hidden /> {m.cases.trash}
            </Link>
            {writable ? (
              <Button variant="primary" disabledReason={writable}><FilePlus2 size={15} aria-hidden /> {m.cases.newCase}</Button>
            ) : (
              <Link className="inline-flex h-9 items-center gap-1.5 rounded-md bg-accent px-3.5 text-sm font-medium text-accent-fg" to={`new${filters.suiteId ? `?suiteId=${filters.suiteId}` : ''}`}>
                <FilePlus2 size={15} aria-hidden /> {m.cases.newCase}
              </Link>
            )}
          </>
        }
      >
        {first && m.cases.count(formatNumber(first.total ?? 0), !!first.totalCapped)}
      </PageHeader>
      <div className="grid gap-6 md:grid-cols-[16rem_1fr]">
        <aside><SuiteTree projectId={projectId} selected={filters.suiteId} onSelect={(id) => setFilter('suiteId', id)} writable={writable} /></aside>
        <section aria-label={m.cases.title} className="min-w-0">
          <div className="mb-3 flex flex-wrap gap-2">
            <Input type="search" aria-label={m.common.search} placeholder={m.cases.searchPlaceholder} value={text} onChange={(e) => setText(e.target.value)} className="max-w-xs" />
            {select('priority', m.cases.priority, PRIORITIES)}
            {select('type', m.cases.type, TYPES)}
            {select('status', m.common.status, STATUSES)}
            {select('automated', m.cases.automated, ['true', 'false'])}
            <Select aria-label={m.cases.sort} value={filters.sort ?? 'key'} onChange={(e) => setFilter('sort', e.target.value === 'key' ? undefined : e.target.value)} className="w-auto">
              {SORTS.map(([value, label]) => <option key={value} value={value}>{m.cases.sort}: {label}</option>)}
            </Select>
            <Input aria-label={m.cases.tags} placeholder={m.cases.tags} defaultValue={filters.tags} onBlur={(e) => setFilter('tags', e.target.value || undefined)} className="max-w-40" />
            {fields.data?.map((field) => {
              const name = `cf.${field.name}` as const;
              const label = field.label || field.name || '';
              if (field.type === 'TEXT' || field.type === 'NUMBER') {
                return <Input key={field.id} aria-label={label} placeholder={label} defaultValue={filters[name]} onBlur={(e) => setFilter(name, e.target.value.trim() || undefined)} className="max-w-40" />;
              }
              const options = field.type === 'CHECKBOX' ? ['true', 'false'] : field.options ?? [];
              return (
                <Select key={field.id} aria-label={label} value={filters[name] ?? ''} onChange={(e) => setFilter(name, e.target.value || undefined)} className="w-auto">
                  <option value="">{label}: {m.common.all}</option>
                  {options.map((o) => <option key={o} value={o}>{field.type === 'CHECKBOX' ? (o === 'true' ? m.common.yes : m.common.no) : o}</option>)}
                </Select>
              );
            })}
          </div>
          {selected.size > 0 && (
            <div className="mb-3 flex items-center gap-2 rounded-md bg-sunken px-3 py-2 text-sm">
              <span>{m.cases.selected(selected.size)}</span>
              <Button size="sm" onClick={() => setRunning(true)} disabledReason={access.may('EXECUTE') ? null : m.common.noPermission('create runs')}>
                <PlayCircle size={14} aria-hidden /> {m.runs.create}
              </Button>
              <Select
                aria-label={m.cases.setPriority}
                value=""
                disabled={!!writable}
                className="h-8 w-auto py-1"
                onChange={(e) => e.target.value && bulkUpdate.mutate({ ids: [...selected], priority: e.target.value as (typeof PRIORITIES)[number] }, { onSuccess: () => setSelected(new Set()) })}
              >
                <option value="">{m.cases.setPriority}</option>
                {PRIORITIES.map((p) => <option key={p} value={p}>{p.charAt(0) + p.slice(1).toLowerCase()}</option>)}
              </Select>
              <Button size="sm" disabledReason={writable} onClick={() => setTagging(true)}>
                <Tags size={14} aria-hidden /> {m.cases.bulkTags}
              </Button>
              <Button size="sm" variant="danger" disabledReason={writable} onClick={() => bulkDelete.mutate([...selected], { onSuccess: () => setSelected(new Set()) })}>
                <Trash2 size={14} aria-hidden /> {m.cases.bulkDelete}
              </Button>
            </div>
          )}
          {tagged != null && <div className="mb-3"><Notice>{m.cases.tagsChanged(tagged)}</Notice></div>}
          <ProblemAlert error={search.error ?? bulkDelete.error ?? bulkUpdate.error} />
          {search.isPending && <Skeleton rows={8} />}
          {search.isSuccess && cases.length === 0 && (
            <EmptyState
              title={Object.values(filters).some(Boolean) && !filters.suiteId ? m.cases.noMatch : m.cases.emptyTitle}
              body={m.cases.emptyBody}
            />
          )}
          {cases.length > 0 && (
            <table className="w-full text-sm">
              <thead className="text-left text-muted">
                <tr>
                  <th className="w-8 py-2"><span className="sr-only">{m.common.actions}</span></th>
                  <th className="w-24">Key</th><th>{m.cases.caseTitle}</th><th>{m.cases.priority}</th><th className="hidden lg:table-cell">{m.cases.tags}</th><th className="text-right">{m.cases.steps}</th>
                </tr>
              </thead>
              <tbody>
                {cases.map((c) => (
                  <tr key={c.id} className="border-t border-line hover:bg-sunken/60">
                    <td className="py-2"><input type="checkbox" aria-label={`${c.key} ${c.title}`} checked={selected.has(c.id!)} onChange={() => toggle(c.id!)} /></td>
                    <td className="font-mono text-xs">{c.key}</td>
                    <td><Link className="hover:text-accent hover:underline" to={c.id!}>{c.title}</Link></td>
                    <td>{c.priority?.toLowerCase()}</td>
                    <td className="hidden lg:table-cell"><span className="flex flex-wrap gap-1">{c.tags?.map((t) => <Badge key={t}>{t}</Badge>)}</span></td>
                    <td className="text-right">{formatNumber(c.stepCount ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <div ref={sentinel} className="h-8">{search.isFetchingNextPage && <p className="text-sm text-muted">{m.common.loadMore}</p>}</div>
        </section>
      </div>
      <ImportDialog projectId={projectId} open={importing} onOpenChange={setImporting} />
      <BulkTagsDialog
        projectId={projectId}
        ids={[...selected]}
        open={tagging}
        onOpenChange={setTagging}
        onDone={(n) => { setTagged(n); setSelected(new Set()); }}
      />
      <CreateRunDialog projectId={projectId} open={running} onOpenChange={setRunning} caseIds={[...selected]} />
    </>
  );
}

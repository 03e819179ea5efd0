import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseApi, rawFetch, unwrap, unwrapAs, type CaseSchemas } from '@/lib/api/client';

export type Suite = CaseSchemas['SuiteView'];
export type CaseListing = CaseSchemas['CaseListing'];
export type CaseView = CaseSchemas['CaseView'];
export type CaseInput = CaseSchemas['CaseInput'];
export type NumberedStep = CaseSchemas['NumberedStep'];
export type ImportReport = CaseSchemas['ImportReport'];

export const PRIORITIES = ['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const;
export const TYPES = ['FUNCTIONAL', 'REGRESSION', 'SMOKE', 'INTEGRATION', 'PERFORMANCE', 'SECURITY', 'USABILITY', 'OTHER'] as const;
export const STATUSES = ['DRAFT', 'READY', 'DEPRECATED'] as const;

export interface CaseFilters {
  q?: string;
  suiteId?: string;
  tags?: string;
  priority?: string;
  type?: string;
  status?: string;
  automated?: string;
  sort?: string;
  /** A custom field's value, by the field's name: `cf.<name>` (cases whose value holds it). */
  [customField: `cf.${string}`]: string | undefined;
}

export const caseKeys = {
  suites: (projectId: string) => ['suites', projectId] as const,
  list: (projectId: string, filters: CaseFilters) => ['cases', projectId, filters] as const,
  trash: (projectId: string) => ['cases', projectId, 'trash'] as const,
  one: (id: string) => ['case', id] as const,
  versions: (id: string) => ['case', id, 'versions'] as const,
  version: (id: string, n: number) => ['case', id, 'versions', n] as const,
};

/** The search's query string: only the filters that are set. */
export function searchParams(projectId: string, filters: CaseFilters, cursor?: string) {
  const params = new URLSearchParams({ projectId, limit: '50' });
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  if (cursor) params.set('cursor', cursor);
  return params;
}

export const useSuites = (projectId: string) =>
  useQuery({ queryKey: caseKeys.suites(projectId), queryFn: () => unwrap(caseApi.GET('/api/suites', { params: { query: { projectId } } })) });

/** Keyset pages: each page names the cursor of the next one. */
export const useCaseSearch = (projectId: string, filters: CaseFilters) =>
  useInfiniteQuery({
    queryKey: caseKeys.list(projectId, filters),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      (await (await rawFetch(`/api/tests?${searchParams(projectId, filters, pageParam)}`)).json()) as CaseSchemas['CasePage'],
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** The project's deleted cases, newest deletion first, in keyset pages. */
export const useTrash = (projectId: string) =>
  useInfiniteQuery({
    queryKey: caseKeys.trash(projectId),
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) => {
      const params = searchParams(projectId, { sort: '-updated' }, pageParam);
      params.set('deleted', 'true');
      return (await (await rawFetch(`/api/tests?${params}`)).json()) as CaseSchemas['CasePage'];
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

/** Restores cases from the trash: one by its own route, several in one bulk request. */
export function useRestore(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      ids.length === 1
        ? unwrap(caseApi.POST('/api/tests/{id}/restore', { params: { path: { id: ids[0] } } })).then(() => ({ affected: 1 }))
        : unwrap(caseApi.POST('/api/tests/bulk', { body: { projectId, ids, action: 'RESTORE' } })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['cases', projectId] }),
  });
}

export const useCase = (id: string | undefined) =>
  useQuery({ queryKey: caseKeys.one(id ?? ''), enabled: !!id, queryFn: () => unwrap(caseApi.GET('/api/tests/{id}', { params: { path: { id: id! } } })) });

export const useVersions = (id: string) =>
  useQuery({ queryKey: caseKeys.versions(id), queryFn: () => unwrap(caseApi.GET('/api/tests/{id}/versions', { params: { path: { id } } })) });

export const useVersion = (id: string, n: number | null) =>
  useQuery({
    queryKey: caseKeys.version(id, n ?? 0),
    enabled: n != null,
    queryFn: () => unwrap(caseApi.GET('/api/tests/{id}/versions/{n}', { params: { path: { id, n: n! } } })),
  });

export function useCaseMutations(projectId: string) {
  const qc = useQueryClient();
  const refresh = (c?: CaseView) => {
    void qc.invalidateQueries({ queryKey: ['cases', projectId] });
    if (c?.id) {
      qc.setQueryData(caseKeys.one(c.id), c);
      void qc.invalidateQueries({ queryKey: caseKeys.versions(c.id) });
    }
  };
  return {
    create: useMutation({ mutationFn: (body: CaseInput) => unwrapAs<CaseView>(caseApi.POST('/api/tests', { body: { ...body, projectId } })), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: CaseInput }) => unwrap(caseApi.PUT('/api/tests/{id}', { params: { path: { id } }, body })),
      onSuccess: refresh,
    }),
    restoreVersion: useMutation({
      mutationFn: ({ id, n, version }: { id: string; n: number; version?: number }) =>
        unwrap(caseApi.POST('/api/tests/{id}/versions/{n}/restore', { params: { path: { id, n } }, body: { version } })),
      onSuccess: refresh,
    }),
    bulkUpdate: useMutation({
      mutationFn: ({ ids, priority }: { ids: string[]; priority: CaseSchemas['Priority'] }) =>
        unwrap(caseApi.POST('/api/tests/bulk', { body: { projectId, ids, action: 'UPDATE', priority } })),
      onSuccess: () => refresh(),
    }),
    bulkTags: useMutation({
      mutationFn: ({ ids, addTags, removeTags }: { ids: string[]; addTags: string[]; removeTags: string[] }) =>
        unwrap(caseApi.POST('/api/tests/bulk', { body: { projectId, ids, action: 'UPDATE', addTags, removeTags } })),
      onSuccess: () => refresh(),
    }),
    bulkDelete: useMutation({
      mutationFn: (ids: string[]) => unwrap(caseApi.POST('/api/tests/bulk', { body: { projectId, ids, action: 'DELETE' } })),
      onSuccess: () => refresh(),
    }),
  };
}

export function useSuiteMutations(projectId: string) {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: caseKeys.suites(projectId) });
    void qc.invalidateQueries({ queryKey: ['cases', projectId] });
  };
  return {
    create: useMutation({
      mutationFn: (body: { name: string; parentId?: string }) => unwrapAs<Suite>(caseApi.POST('/api/suites', { body: { ...body, projectId } })),
      onSuccess: done,
    }),
    rename: useMutation({
      mutationFn: ({ id, name, version }: { id: string; name: string; version?: number }) =>
        unwrap(caseApi.PATCH('/api/suites/{id}', { params: { path: { id } }, body: { name, version } })),
      onSuccess: done,
    }),
    move: useMutation({
      mutationFn: ({ id, parentId, position, version }: { id: string; parentId?: string | null; position?: number; version?: number }) =>
        unwrap(caseApi.POST('/api/suites/{id}/move', { params: { path: { id } }, body: { parentId: parentId ?? undefined, position, version } })),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => unwrap(caseApi.DELETE('/api/suites/{id}', { params: { path: { id }, query: { cascade: true } } })),
      onSuccess: done,
    }),
  };
}

export function useCsvImport(projectId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async ({ file, dryRun }: { file: File; dryRun: boolean }) => {
      const res = await rawFetch(`/api/tests/import?projectId=${projectId}&dryRun=${dryRun}`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/csv' },
        body: await file.text(),
      });
      return (await res.json()) as ImportReport;
    },
    onSuccess: (_r, { dryRun }) => {
      if (!dryRun) void qc.invalidateQueries({ queryKey: ['cases', projectId] });
    },
  });
}

/** Downloads the cases the filters select as CSV. */
export async function exportCsv(projectId: string, filters: CaseFilters) {
  const params = searchParams(projectId, filters);
  params.delete('limit');
  const blob = await (await rawFetch(`/api/tests/export?${params}`)).blob();
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement('a'), { href: url, download: 'test-cases.csv' });
  a.click();
  URL.revokeObjectURL(url);
}

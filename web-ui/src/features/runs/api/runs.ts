import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { execApi, unwrap, unwrapAs, type ExecSchemas } from '@/lib/api/client';

export type Run = ExecSchemas['RunView'];
export type ExecutionSummary = ExecSchemas['ExecutionSummary'];
export type Execution = ExecSchemas['ExecutionView'];
export const EXECUTION_STATUSES = ['PASSED', 'FAILED', 'BLOCKED', 'SKIPPED', 'RETEST', 'IN_PROGRESS', 'NOT_RUN'] as const;

export const runKeys = {
  list: (projectId: string) => ['runs', projectId] as const,
  one: (id: string) => ['run', id] as const,
  executions: (id: string, status?: string) => ['run', id, 'executions', status ?? ''] as const,
  execution: (id: string) => ['execution', id] as const,
};

export const useRuns = (projectId: string) =>
  useInfiniteQuery({
    queryKey: runKeys.list(projectId),
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => unwrap(execApi.GET('/api/runs', { params: { query: { projectId, cursor: pageParam, limit: 50 } } })),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

export const useRun = (id: string) =>
  useQuery({ queryKey: runKeys.one(id), queryFn: () => unwrap(execApi.GET('/api/runs/{id}', { params: { path: { id } } })) });

/** Every execution of a run (pages of 500 read one after another). */
export const useExecutions = (runId: string, status?: string) =>
  useQuery({
    queryKey: runKeys.executions(runId, status),
    queryFn: async () => {
      const all: ExecutionSummary[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(execApi.GET('/api/runs/{id}/executions', { params: { path: { id: runId }, query: { status, cursor, limit: 500 } } }));
        all.push(...(page.items ?? []));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });

export function useRunMutations(projectId: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: runKeys.list(projectId) });
  return {
    create: useMutation({ mutationFn: (body: ExecSchemas['CreateRun']) => unwrapAs<Run>(execApi.POST('/api/runs', { body })), onSuccess: done }),
    rerun: useMutation({ mutationFn: (id: string) => unwrapAs<Run>(execApi.POST('/api/runs/{id}/rerun', { params: { path: { id } }, body: {} })), onSuccess: done }),
    close: useMutation({
      mutationFn: (id: string) => unwrap(execApi.POST('/api/runs/{id}/close', { params: { path: { id } } })),
      onSuccess: (r) => { qc.setQueryData(runKeys.one(r.id!), r); void done(); },
    }),
  };
}

export const useCompare = (a: string | null, b: string | null) =>
  useQuery({ queryKey: ['compare', a, b], enabled: !!a && !!b, queryFn: () => unwrap(execApi.GET('/api/runs/compare', { params: { query: { a: a!, b: b! } } })) });

/** Counts by status, the share done (anything but NOT_RUN and IN_PROGRESS) and the total. */
export function progress(counts: Record<string, number | undefined> | undefined) {
  const c = counts ?? {};
  const total = Object.values(c).reduce<number>((s, n) => s + (n ?? 0), 0);
  const open = (c.NOT_RUN ?? 0) + (c.IN_PROGRESS ?? 0);
  return { total, done: total - open, fraction: total ? (total - open) / total : 0 };
}

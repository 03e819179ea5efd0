import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { execApi, rawFetch, unwrap, type ExecSchemas } from '@/lib/api/client';
import { ApiError } from '@/lib/problem';
import { runKeys, type Execution } from '@/features/runs/api/runs';

export type StepStatus = ExecSchemas['StepStatus'];
export type Attachment = ExecSchemas['Attachment'];

/** A failed save is retried while it may still succeed: network errors and 5xx, not a refusal. */
const transient = (count: number, error: unknown) => count < 6 && !(error instanceof ApiError && error.status < 500);
const backoff = (attempt: number) => Math.min(1000 * 2 ** attempt, 15_000);

export const useExecution = (id: string) =>
  useQuery({ queryKey: runKeys.execution(id), queryFn: () => unwrap(execApi.GET('/api/executions/{id}', { params: { path: { id } } })) });

export const useAttachments = (id: string) =>
  useQuery({ queryKey: ['execution', id, 'attachments'], queryFn: () => unwrap(execApi.GET('/api/executions/{id}/attachments', { params: { path: { id } } })) });

export function useExecutorMutations(execution: Execution) {
  const qc = useQueryClient();
  const id = execution.id!;
  const accept = (e: Execution) => {
    qc.setQueryData(runKeys.execution(id), e);
    void qc.invalidateQueries({ queryKey: runKeys.one(e.runId!) });
    void qc.invalidateQueries({ queryKey: ['run', e.runId, 'executions'] });
  };
  return {
    recordStep: useMutation({
      mutationKey: ['record-step', id],
      mutationFn: ({ index, ...body }: { index: number; status: StepStatus; actualResult?: string; comment?: string }) =>
        unwrap(execApi.PUT('/api/executions/{id}/steps/{index}', { params: { path: { id, index } }, body })),
      retry: transient,
      retryDelay: backoff,
      onSuccess: accept,
    }),
    setStatus: useMutation({
      mutationFn: (status: ExecSchemas['ExecutionStatus']) =>
        unwrap(execApi.PATCH('/api/executions/{id}', { params: { path: { id } }, body: { status, version: qc.getQueryData<Execution>(runKeys.execution(id))?.version } })),
      retry: transient,
      retryDelay: backoff,
      onSuccess: accept,
    }),
    timer: useMutation({
      mutationFn: (start: boolean) =>
        unwrap(start ? execApi.POST('/api/executions/{id}/timer/start', { params: { path: { id } } }) : execApi.POST('/api/executions/{id}/timer/stop', { params: { path: { id } } })),
      onSuccess: accept,
    }),
    upload: useMutation({
      mutationFn: async ({ file, stepIndex }: { file: File; stepIndex?: number }) => {
        const form = new FormData();
        form.append('file', file, file.name || 'pasted.png');
        if (stepIndex != null) form.append('stepIndex', String(stepIndex));
        return (await (await rawFetch(`/api/executions/${id}/attachments`, { method: 'POST', body: form })).json()) as Attachment;
      },
      retry: transient,
      retryDelay: backoff,
      onSuccess: () => qc.invalidateQueries({ queryKey: ['execution', id, 'attachments'] }),
    }),
  };
}

/** An attachment's bytes need the access token, so images are fetched and shown from a blob URL. */
export const useAttachmentUrl = (executionId: string, attachment: Attachment) =>
  useQuery({
    queryKey: ['attachment', attachment.id],
    enabled: attachment.contentType?.startsWith('image/') ?? false,
    staleTime: Infinity,
    queryFn: async () => URL.createObjectURL(await (await rawFetch(`/api/executions/${executionId}/attachments/${attachment.id}`)).blob()),
  });

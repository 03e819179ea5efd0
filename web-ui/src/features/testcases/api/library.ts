import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { caseApi, unwrap, unwrapAs, type CaseSchemas } from '@/lib/api/client';

// What a project shares across its cases: custom-field definitions and shared step groups.
export type FieldView = CaseSchemas['FieldView'];
export type FieldType = CaseSchemas['FieldType'];
export type SharedView = CaseSchemas['SharedView'];
export const FIELD_TYPES = ['TEXT', 'NUMBER', 'SELECT', 'MULTI_SELECT', 'CHECKBOX'] as const;

export const libraryKeys = {
  fields: (projectId: string) => ['fields', projectId] as const,
  shared: (projectId: string) => ['shared-steps', projectId] as const,
};

export const useFields = (projectId: string) =>
  useQuery({ queryKey: libraryKeys.fields(projectId), queryFn: () => unwrap(caseApi.GET('/api/fields', { params: { query: { projectId } } })) });

export const useSharedSteps = (projectId: string) =>
  useQuery({ queryKey: libraryKeys.shared(projectId), queryFn: () => unwrap(caseApi.GET('/api/shared-steps', { params: { query: { projectId } } })) });

export function useFieldMutations(projectId: string) {
  const qc = useQueryClient();
  const done = () => void qc.invalidateQueries({ queryKey: libraryKeys.fields(projectId) });
  return {
    create: useMutation({
      mutationFn: (body: Omit<CaseSchemas['CreateField'], 'projectId'>) => unwrapAs<FieldView>(caseApi.POST('/api/fields', { body: { ...body, projectId } })),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: CaseSchemas['UpdateField'] }) => unwrap(caseApi.PUT('/api/fields/{id}', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => unwrap(caseApi.DELETE('/api/fields/{id}', { params: { path: { id } } })),
      onSuccess: done,
    }),
  };
}

export function useSharedStepsMutations(projectId: string) {
  const qc = useQueryClient();
  const done = () => {
    void qc.invalidateQueries({ queryKey: libraryKeys.shared(projectId) });
    // cases that include a changed group carry its new steps
    void qc.invalidateQueries({ queryKey: ['case'] });
  };
  return {
    create: useMutation({
      mutationFn: (body: Omit<CaseSchemas['CreateShared'], 'projectId'>) => unwrapAs<SharedView>(caseApi.POST('/api/shared-steps', { body: { ...body, projectId } })),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, body }: { id: string; body: CaseSchemas['UpdateShared'] }) =>
        unwrap(caseApi.PUT('/api/shared-steps/{id}', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (id: string) => unwrap(caseApi.DELETE('/api/shared-steps/{id}', { params: { path: { id } } })),
      onSuccess: done,
    }),
  };
}

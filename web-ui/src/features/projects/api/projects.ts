import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { authApi, unwrap, unwrapAs, type AuthSchemas } from '@/lib/api/client';
import { useSession } from '@/lib/session';
import { can, type Permission } from '@/lib/permissions';

export type Project = AuthSchemas['ProjectView'];
export type Member = AuthSchemas['Member'];
export type ApiToken = AuthSchemas['TokenView'];

export const projectKeys = {
  all: ['projects'] as const,
  list: (archived: boolean) => ['projects', 'list', archived] as const,
  one: (id: string) => ['projects', id] as const,
  members: (id: string) => ['projects', id, 'members'] as const,
  tokens: (id: string) => ['projects', id, 'tokens'] as const,
};

export const useProjects = (archived = false) =>
  useQuery({ queryKey: projectKeys.list(archived), queryFn: () => unwrap(authApi.GET('/api/projects', { params: { query: { archived } } })) });

export const useProject = (id: string) =>
  useQuery({ queryKey: projectKeys.one(id), queryFn: () => unwrap(authApi.GET('/api/projects/{id}', { params: { path: { id } } })) });

export const useMembers = (id: string) =>
  useQuery({ queryKey: projectKeys.members(id), queryFn: () => unwrap(authApi.GET('/api/projects/{id}/members', { params: { path: { id } } })) });

export const useTokens = (id: string, enabled: boolean) =>
  useQuery({ queryKey: projectKeys.tokens(id), enabled, queryFn: () => unwrap(authApi.GET('/api/projects/{id}/tokens', { params: { path: { id } } })) });

/** The signed-in user's role in a project, and what it allows. */
export function useProjectAccess(projectId: string) {
  const { user } = useSession();
  const members = useMembers(projectId);
  const role = members.data?.find((mb) => mb.userId === user?.id)?.role ?? null;
  const effective = user?.role === 'ADMIN' ? 'ADMIN' : role;
  return {
    role: effective,
    loading: members.isPending,
    may: (permission: Permission) => can(user?.role, role, permission),
  };
}

export function useCreateProject() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AuthSchemas['CreateProject']) => unwrapAs<Project>(authApi.POST('/api/projects', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: projectKeys.all }),
  });
}

export function useUpdateProject(id: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: AuthSchemas['UpdateProject']) => unwrap(authApi.PATCH('/api/projects/{id}', { params: { path: { id } }, body })),
    onSuccess: (p) => {
      qc.setQueryData(projectKeys.one(id), p);
      void qc.invalidateQueries({ queryKey: projectKeys.all });
    },
  });
}

export function useMemberMutations(id: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: projectKeys.members(id) });
  return {
    add: useMutation({
      mutationFn: (body: AuthSchemas['AddMember']) => unwrap(authApi.POST('/api/projects/{id}/members', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    change: useMutation({
      mutationFn: ({ userId, role }: { userId: string; role: AuthSchemas['ProjectRole'] }) =>
        unwrap(authApi.PATCH('/api/projects/{id}/members/{userId}', { params: { path: { id, userId } }, body: { role } })),
      onSuccess: done,
    }),
    remove: useMutation({
      mutationFn: (userId: string) => unwrap(authApi.DELETE('/api/projects/{id}/members/{userId}', { params: { path: { id, userId } } })),
      onSuccess: done,
    }),
  };
}

export function useTokenMutations(id: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: projectKeys.tokens(id) });
  return {
    create: useMutation({
      mutationFn: (body: AuthSchemas['CreateToken']) => unwrapAs<{ token: string; prefix: string }>(authApi.POST('/api/projects/{id}/tokens', { params: { path: { id } }, body })),
      onSuccess: done,
    }),
    revoke: useMutation({
      mutationFn: (tokenId: string) => unwrap(authApi.DELETE('/api/projects/{id}/tokens/{tokenId}', { params: { path: { id, tokenId } } })),
      onSuccess: done,
    }),
  };
}

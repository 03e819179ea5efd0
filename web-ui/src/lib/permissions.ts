// What a project role may do, as the services enforce it; the UI only offers what is allowed.
export type ProjectRole = 'LEAD' | 'TESTER' | 'DEVELOPER' | 'VIEWER';
export type Permission = 'READ' | 'WRITE_CASES' | 'EXECUTE' | 'MANAGE';

const grants: Record<Permission, ProjectRole[]> = {
  READ: ['LEAD', 'TESTER', 'DEVELOPER', 'VIEWER'],
  WRITE_CASES: ['LEAD', 'TESTER'],
  EXECUTE: ['LEAD', 'TESTER'],
  MANAGE: ['LEAD'],
};

/** A global ADMIN may do everything everywhere. */
export function can(globalRole: string | undefined, projectRole: string | null | undefined, permission: Permission) {
  if (globalRole === 'ADMIN') return true;
  return !!projectRole && grants[permission].includes(projectRole as ProjectRole);
}

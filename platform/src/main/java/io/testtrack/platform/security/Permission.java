package io.testtrack.platform.security;

import io.testtrack.events.ProjectRole;
import java.util.EnumSet;
import java.util.Set;

/** What a project role may do (the role table of docs/architecture.md). ADMIN may do everything everywhere. */
public enum Permission {
    READ(EnumSet.allOf(ProjectRole.class)),
    WRITE_CASES(EnumSet.of(ProjectRole.TESTER, ProjectRole.LEAD)),
    EXECUTE(EnumSet.of(ProjectRole.TESTER, ProjectRole.LEAD)),
    REPORT_DEFECTS(EnumSet.of(ProjectRole.DEVELOPER, ProjectRole.TESTER, ProjectRole.LEAD)),
    FIX_DEFECTS(EnumSet.of(ProjectRole.DEVELOPER, ProjectRole.LEAD)),
    VERIFY_DEFECTS(EnumSet.of(ProjectRole.TESTER, ProjectRole.LEAD)),
    MANAGE(EnumSet.of(ProjectRole.LEAD));

    private final Set<ProjectRole> roles;

    Permission(Set<ProjectRole> roles) {
        this.roles = roles;
    }

    public boolean grantedTo(ProjectRole role) {
        return roles.contains(role);
    }
}

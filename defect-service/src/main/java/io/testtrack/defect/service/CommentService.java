package io.testtrack.defect.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.defect.domain.Comment;
import io.testtrack.defect.domain.HistoryEntry;
import io.testtrack.defect.domain.Mentions;
import io.testtrack.defect.repository.CommentRepository;
import io.testtrack.defect.repository.HistoryRepository;
import io.testtrack.defect.repository.ProjectDirectory;
import io.testtrack.events.defect.DefectCommented;
import io.testtrack.platform.error.AccessDeniedException;
import io.testtrack.platform.error.ConflictException;
import io.testtrack.platform.error.ResourceNotFoundException;
import io.testtrack.platform.outbox.Outbox;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Comments on a defect: markdown stored as written; the members it @mentions are named in the
 * DefectCommented event so that they are told. An author may edit or delete their own comment
 * within {@link Comment#EDIT_WINDOW} of writing it.
 */
@ApplicationScoped
public class CommentService {

    private static final int EXCERPT = 200;

    private final CommentRepository comments;
    private final HistoryRepository history;
    private final DefectAccess defectAccess;
    private final ProjectDirectory projects;
    private final Outbox outbox;

    public CommentService(CommentRepository comments, HistoryRepository history, DefectAccess defectAccess, ProjectDirectory projects,
            Outbox outbox) {
        this.comments = comments;
        this.history = history;
        this.defectAccess = defectAccess;
        this.projects = projects;
        this.outbox = outbox;
    }

    public Uni<List<Comment>> list(Principal principal, UUID defectId) {
        return Panache.withSession(() -> defectAccess.find(principal, defectId, Permission.READ, false)
                .chain(f -> comments.of(f.defect().id)));
    }

    public Uni<Comment> add(Principal principal, UUID defectId, String body) {
        return Panache.withTransaction(() -> defectAccess.find(principal, defectId, Permission.REPORT_DEFECTS, false)
                .chain(f -> mentioned(f.defect().projectId, body).chain(mentions -> {
                    Comment c = new Comment();
                    c.id = UUID.randomUUID();
                    c.defectId = f.defect().id;
                    c.authorId = principal.actorId();
                    c.body = body;
                    c.mentions = mentions;
                    c.createdAt = Instant.now();
                    return comments.persist(c)
                            .chain(() -> outbox.record(new DefectCommented(c.defectId, f.defect().projectId, c.id, c.authorId,
                                    excerpt(body), mentions)))
                            .replaceWith(c);
                })));
    }

    public Uni<Comment> edit(Principal principal, UUID defectId, UUID commentId, String body) {
        return Panache.withTransaction(() -> own(principal, defectId, commentId).chain(c -> mentioned(c.projectId, body).chain(mentions -> {
            Instant now = Instant.now();
            List<UUID> newlyMentioned = mentions.stream().filter(m -> !c.comment.mentions.contains(m)).toList();
            c.comment.body = body;
            c.comment.mentions = mentions;
            c.comment.editedAt = now;
            Uni<Void> told = newlyMentioned.isEmpty() ? Uni.createFrom().voidItem()
                    : outbox.record(new DefectCommented(defectId, c.projectId, c.comment.id, c.comment.authorId, excerpt(body), newlyMentioned))
                            .replaceWithVoid();
            return told.replaceWith(c.comment);
        })));
    }

    public Uni<Void> delete(Principal principal, UUID defectId, UUID commentId) {
        return Panache.withTransaction(() -> own(principal, defectId, commentId).chain(c -> comments.delete(c.comment)
                .chain(() -> history.persist(HistoryEntry.of(defectId, principal.actorId(), null, Instant.now(), "comment",
                        excerpt(c.comment.body), null)))
                .replaceWithVoid()));
    }

    private record Owned(Comment comment, UUID projectId) {
    }

    /** The caller's own comment, still inside its edit window. */
    private Uni<Owned> own(Principal principal, UUID defectId, UUID commentId) {
        return defectAccess.find(principal, defectId, Permission.REPORT_DEFECTS, false)
                .chain(f -> comments.findById(commentId).map(c -> {
                    if (c == null || !c.defectId.equals(defectId)) {
                        throw new ResourceNotFoundException("No such comment.");
                    }
                    if (!principal.actorId().equals(c.authorId)) {
                        throw new AccessDeniedException("Only its author may change or delete a comment.");
                    }
                    if (!c.editableAt(Instant.now())) {
                        throw new ConflictException("A comment may be changed or deleted only within "
                                + Comment.EDIT_WINDOW.toMinutes() + " minutes of writing it.");
                    }
                    return new Owned(c, f.defect().projectId);
                }));
    }

    /** The project members the comment @mentions; a handle that names nobody of the project is plain text. */
    private Uni<List<UUID>> mentioned(UUID projectId, String body) {
        Set<String> handles = Mentions.handles(body);
        if (handles.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return projects.members(projectId).map(members -> members.stream()
                .filter(m -> handles.stream().anyMatch(h -> Mentions.names(h, m.email())))
                .map(ProjectDirectory.Member::userId).distinct().toList());
    }

    private static String excerpt(String body) {
        return body.length() <= EXCERPT ? body : body.substring(0, EXCERPT - 1) + "…";
    }
}

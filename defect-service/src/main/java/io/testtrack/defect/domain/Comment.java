package io.testtrack.defect.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;

/** A comment on a defect: markdown kept as the author wrote it, never rendered by the API. */
@Entity
@Table(name = "defect_comments")
public class Comment {

    /** How long after writing it an author may still edit or delete a comment. */
    public static final Duration EDIT_WINDOW = Duration.ofMinutes(15);

    /** The longest comment, in characters. */
    public static final int MAX_LENGTH = 20_000;

    @Id
    public UUID id;

    @Column(name = "defect_id", nullable = false, updatable = false)
    public UUID defectId;

    /** Null for a comment the platform wrote (a fix stated in a GitHub change). */
    @Column(name = "author_id", updatable = false)
    public UUID authorId;

    @Column(nullable = false)
    public String body;

    @Convert(converter = JsonText.Ids.class)
    @ColumnTransformer(read = "cast(mentions as text)", write = "cast(cast(? as text) as jsonb)")
    public List<UUID> mentions;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    public boolean editableAt(Instant now) {
        return now.isBefore(createdAt.plus(EDIT_WINDOW));
    }
}

package io.testtrack.defect.domain;

import com.fasterxml.jackson.core.type.TypeReference;
import io.testtrack.platform.persistence.JsonColumn;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The jsonb columns of this service's entities (see {@link JsonColumn}). */
public final class JsonText {

    private JsonText() {
    }

    public static final class Values extends JsonColumn<Map<String, Object>> {
        public Values() {
            super(new TypeReference<>() {
            }, LinkedHashMap::new);
        }
    }

    public static final class Attachments extends JsonColumn<List<StepAttachment>> {
        public Attachments() {
            super(new TypeReference<>() {
            }, List::of);
        }
    }

    public static final class Ids extends JsonColumn<List<UUID>> {
        public Ids() {
            super(new TypeReference<>() {
            }, List::of);
        }
    }
}

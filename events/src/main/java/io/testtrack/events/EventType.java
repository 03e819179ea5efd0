package io.testtrack.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Names an event record's CloudEvents type, its topic and the version of its JSON schema. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** CloudEvents {@code type}, for example {@code testtrack.defect.DefectStatusChanged}. */
    String value();

    /** The topic the event travels on, one of {@link Topics}. */
    String topic();

    /** Schema version of the record's JSON; raised only for additive changes. */
    int version() default 1;
}

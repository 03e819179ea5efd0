package io.testtrack.auth.domain;

import java.util.List;

/** One page of an administrator's listing (users, audit entries), numbered from 0, with the total. */
public record Page<T>(List<T> items, int page, int size, long total) {
}

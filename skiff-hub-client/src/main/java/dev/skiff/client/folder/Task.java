package dev.skiff.client.folder;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a model does, as {@code config.json}'s {@code sklearn.task} and the README's tags name it. */
public enum Task {
    TABULAR_CLASSIFICATION("tabular-classification"),
    TABULAR_REGRESSION("tabular-regression");

    private final String id;

    Task(String id) {
        this.id = id;
    }

    /** The Hub's name, e.g. {@code tabular-classification}. */
    public String id() {
        return id;
    }

    /**
     * The task with this Hub name.
     *
     * @throws IllegalArgumentException naming the supported tasks (skops' text tasks are not supported by Skiff)
     */
    public static Task parse(String id) {
        String want = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (Task t : values()) {
            if (t.id.equals(want) || t.name().equalsIgnoreCase(want)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown task \"" + id + "\"; use one of "
                + Arrays.stream(values()).map(Task::id).collect(Collectors.joining(", ")));
    }

    @Override
    public String toString() {
        return id;
    }
}

package dev.skiff.card.eval;

/** What a model does, with the Hub's task id (the {@code pipeline_tag} and model-index {@code task.type}). */
public enum Task {
    CLASSIFICATION("tabular-classification", "Tabular Classification"),
    REGRESSION("tabular-regression", "Tabular Regression");

    private final String hubId;
    private final String prettyName;

    Task(String hubId, String prettyName) {
        this.hubId = hubId;
        this.prettyName = prettyName;
    }

    /** {@code tabular-classification} or {@code tabular-regression}. */
    public String hubId() {
        return hubId;
    }

    /** The task's display name, as the Hub shows it. */
    public String prettyName() {
        return prettyName;
    }
}

package dev.skiff.card.eval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link Evaluator} computed for one model on one labelled frame: the metrics (in table order), notes on
 * metrics that could not be computed, and the data behind the plots.
 */
public sealed interface Evaluation permits ClassifierEvaluation, RegressorEvaluation {

    Task task();

    /** Every metric computed, in the order of the card's table; undefined ones carry NaN. */
    List<Metric> metrics();

    /** Why a metric is missing or undefined, one sentence each (empty when nothing was left out). */
    List<String> notes();

    /** Number of rows evaluated. */
    int rows();

    /** Defined metrics as the card's Metric/Value table: name to value, in order. */
    default Map<String, Double> table() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Metric m : metrics()) {
            if (m.isDefined()) {
                out.put(m.name(), m.value());
            }
        }
        return out;
    }

    /** The metric with this Hub type and config (null config: the unaveraged one). */
    default Optional<Metric> metric(String type, String config) {
        return metrics().stream()
                .filter(m -> m.type().equals(type) && java.util.Objects.equals(m.config(), config))
                .findFirst();
    }
}

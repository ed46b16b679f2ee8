package dev.skiff.card.eval;

import dev.skiff.runtime.Model;
import dev.skiff.runtime.data.Column;
import dev.skiff.runtime.data.Columns;
import dev.skiff.runtime.data.Frame;

/**
 * A score where higher is better, like a scikit-learn scorer: {@code score(model, X, y)}. The default is the
 * estimator's own {@code score}: accuracy for classifiers, R² for regressors.
 */
@FunctionalInterface
public interface Scorer {
    double score(Model model, Frame x, Column y);

    /** {@code accuracy_score(y, model.predict(x))}. */
    static Scorer accuracy() {
        return Evaluator::accuracy;
    }

    /** {@code r2_score(y, model.predict(x))}. */
    static Scorer r2() {
        return (model, x, y) -> RegressionMetrics.r2(Columns.toDoubles("target", y),
                Columns.toDoubles("prediction", model.predictColumn(x)));
    }

    /** What {@code model.score} uses: accuracy for a classifier, R² otherwise. */
    static Scorer defaultFor(Model model) {
        return Evaluator.isClassifier(model) ? accuracy() : r2();
    }
}

package dev.skiff.runtime.tree;

import dev.skiff.runtime.build.EstimatorRegistry;
import dev.skiff.runtime.dummy.DummyClassifier;
import dev.skiff.runtime.dummy.DummyRegressor;

/**
 * Registers the tree estimators (single trees, forests, gradient boosting, histogram gradient boosting,
 * isolation forest) and the dummy estimators that gradient boosting uses as its default {@code init_}.
 */
public final class TreeFamily implements EstimatorRegistry.EstimatorFamily {
    private static final String TREE = "sklearn.tree._classes.";
    private static final String FOREST = "sklearn.ensemble._forest.";
    private static final String GB = "sklearn.ensemble._gb.";
    private static final String HGB = "sklearn.ensemble._hist_gradient_boosting.gradient_boosting.";

    @Override
    public void register(EstimatorRegistry r) {
        for (String c : new String[]{"DecisionTreeClassifier", "DecisionTreeRegressor", "ExtraTreeClassifier",
                "ExtraTreeRegressor"}) {
            r.register(TREE + c, TreeModel::buildSingle);
        }
        for (String c : new String[]{"RandomForestClassifier", "RandomForestRegressor", "ExtraTreesClassifier",
                "ExtraTreesRegressor"}) {
            r.register(FOREST + c, TreeModel::buildForest);
        }
        r.register(GB + "GradientBoostingClassifier", GradientBoosting::build);
        r.register(GB + "GradientBoostingRegressor", GradientBoosting::build);
        r.register(HGB + "HistGradientBoostingClassifier", HistGradientBoosting::build);
        r.register(HGB + "HistGradientBoostingRegressor", HistGradientBoosting::build);
        r.register(IsolationForestModel.CLASS, IsolationForestModel::build);
        r.register(DummyClassifier.CLASS, DummyClassifier::build);
        r.register(DummyRegressor.CLASS, DummyRegressor::build);
    }
}

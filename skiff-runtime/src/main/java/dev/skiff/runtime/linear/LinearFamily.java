package dev.skiff.runtime.linear;

import dev.skiff.runtime.build.EstimatorRegistry;

/**
 * Registers the linear estimators: logistic regression, ridge/SGD/perceptron/passive-aggressive classifiers,
 * linear SVMs, and every linear regressor whose prediction is {@code X @ coef_ + intercept_} (GLMs with their
 * inverse link).
 */
public final class LinearFamily implements EstimatorRegistry.EstimatorFamily {
    private static final String LM = "sklearn.linear_model.";

    @Override
    public void register(EstimatorRegistry r) {
        r.register(LM + "_logistic.LogisticRegression", LinearClassifier::logistic);
        r.register(LM + "_logistic.LogisticRegressionCV", LinearClassifier::logistic);
        r.register(LM + "_stochastic_gradient.SGDClassifier", LinearClassifier::sgd);
        r.register(LM + "_perceptron.Perceptron", LinearClassifier::sgd);
        r.register(LM + "_passive_aggressive.PassiveAggressiveClassifier", LinearClassifier::sgd);
        r.register(LM + "_ridge.RidgeClassifier", LinearClassifier::ridge);
        r.register(LM + "_ridge.RidgeClassifierCV", LinearClassifier::ridge);
        r.register("sklearn.svm._classes.LinearSVC", LinearClassifier::plain);

        for (String c : new String[]{
                "_base.LinearRegression",
                "_ridge.Ridge", "_ridge.RidgeCV",
                "_coordinate_descent.Lasso", "_coordinate_descent.LassoCV",
                "_coordinate_descent.ElasticNet", "_coordinate_descent.ElasticNetCV",
                "_coordinate_descent.MultiTaskLasso", "_coordinate_descent.MultiTaskLassoCV",
                "_coordinate_descent.MultiTaskElasticNet", "_coordinate_descent.MultiTaskElasticNetCV",
                "_least_angle.Lars", "_least_angle.LarsCV", "_least_angle.LassoLars",
                "_least_angle.LassoLarsCV", "_least_angle.LassoLarsIC",
                "_omp.OrthogonalMatchingPursuit", "_omp.OrthogonalMatchingPursuitCV",
                "_bayes.BayesianRidge", "_bayes.ARDRegression",
                "_huber.HuberRegressor", "_quantile.QuantileRegressor", "_theil_sen.TheilSenRegressor",
                "_stochastic_gradient.SGDRegressor", "_passive_aggressive.PassiveAggressiveRegressor"}) {
            r.register(LM + c, LinearRegressor::identity);
        }
        r.register("sklearn.svm._classes.LinearSVR", LinearRegressor::identity);
        r.register(LM + "_glm.glm.PoissonRegressor", LinearRegressor::logLink);
        r.register(LM + "_glm.glm.GammaRegressor", LinearRegressor::logLink);
        r.register(LM + "_glm.glm.TweedieRegressor", LinearRegressor::tweedie);
    }
}

/**
 * scikit-learn's dummy estimators ({@code DummyClassifier}, {@code DummyRegressor}): constant predictions,
 * and the default {@code init_} of gradient boosting. Strategies that draw random numbers are refused.
 */
package dev.skiff.runtime.dummy;

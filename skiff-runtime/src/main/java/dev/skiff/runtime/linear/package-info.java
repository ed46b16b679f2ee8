/**
 * Linear models: logistic/linear/ridge/lasso/elastic-net regression, SGD, linear SVMs and dummy estimators, rebuilt from fitted scikit-learn state with scikit-learn's arithmetic.
 */
package dev.skiff.runtime.linear;

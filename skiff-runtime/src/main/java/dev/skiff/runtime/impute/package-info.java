/**
 * Imputation: SimpleImputer (every strategy) and MissingIndicator, rebuilt from fitted scikit-learn state with scikit-learn's arithmetic.
 */
package dev.skiff.runtime.impute;

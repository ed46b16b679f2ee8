/**
 * Categorical encoders: OneHotEncoder and OrdinalEncoder, with unknown, missing and infrequent categories, rebuilt from fitted scikit-learn state with scikit-learn's arithmetic.
 */
package dev.skiff.runtime.encode;

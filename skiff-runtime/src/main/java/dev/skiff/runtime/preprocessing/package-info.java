/**
 * Preprocessing: scalers, normalizers, imputers, encoders, polynomial features, function transformers, PCA, rebuilt from fitted scikit-learn state with scikit-learn's arithmetic.
 */
package dev.skiff.runtime.preprocessing;

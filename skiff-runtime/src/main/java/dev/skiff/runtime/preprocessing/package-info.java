/**
 * Numeric preprocessing: scalers, normalizers, polynomial features and function transformers, rebuilt from fitted scikit-learn state with scikit-learn's arithmetic.
 */
package dev.skiff.runtime.preprocessing;

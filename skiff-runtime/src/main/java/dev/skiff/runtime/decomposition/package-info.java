/**
 * Matrix decompositions used in pipelines: PCA, rebuilt from fitted scikit-learn state with scikit-learn's arithmetic.
 */
package dev.skiff.runtime.decomposition;

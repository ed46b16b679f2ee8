/**
 * Evaluation from data: a runtime model and a labelled frame give scikit-learn's metrics (same numbers, same
 * edge cases), the curves and matrices behind the plots, and permutation and tree feature importances.
 */
package dev.skiff.card.eval;

/**
 * Evaluation plots as PNG files (XChart, rendered headless): confusion matrix, ROC and precision-recall curves,
 * residuals, tree feature importances and permutation importances. Same input, same size, same bytes.
 */
package dev.skiff.card.plot;

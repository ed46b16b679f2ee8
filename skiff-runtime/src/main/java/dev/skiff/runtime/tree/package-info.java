/**
 * Decision trees and their ensembles: forests, gradient boosting, histogram gradient boosting, isolation forests, rebuilt from fitted scikit-learn state with scikit-learn's arithmetic.
 */
package dev.skiff.runtime.tree;

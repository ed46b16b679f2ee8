/**
 * The estimator contract every rebuilt scikit-learn object fulfils: immutable, thread-safe, with
 * scikit-learn's methods and numbers.
 */
package dev.skiff.runtime.estimator;

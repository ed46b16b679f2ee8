/**
 * Maths shared by estimator families (link functions, normalisations, argmax), written once with
 * scikit-learn's operation order.
 */
package dev.skiff.runtime.math;

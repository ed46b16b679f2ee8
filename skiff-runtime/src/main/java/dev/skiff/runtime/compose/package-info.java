/**
 * Composition: pipelines, column transformers and feature unions, which route data between the
 * estimators they hold.
 */
package dev.skiff.runtime.compose;

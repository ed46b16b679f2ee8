/**
 * Model input and output: frames of named typed columns (from rows, columns, CSV or JSON), dense
 * matrices passed between steps, and the conversions estimators need.
 */
package dev.skiff.runtime.data;

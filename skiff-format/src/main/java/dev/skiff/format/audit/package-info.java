/**
 * The trust audit: skops' per-node-kind allowlists plus caller-trusted names, and a report of each
 * untrusted type with the node paths where the file uses it. Runs before anything is constructed.
 */
package dev.skiff.format.audit;

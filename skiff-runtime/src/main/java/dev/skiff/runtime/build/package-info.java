/**
 * Rebuilding estimators from an audited node tree: the registry of Python class names, typed attribute
 * access, and nested builds.
 */
package dev.skiff.runtime.build;

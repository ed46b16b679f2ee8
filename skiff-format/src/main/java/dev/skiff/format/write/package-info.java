/**
 * Writing node trees as {@code .skops} files Python skops loads: protocol 2, numpy-exact {@code .npy}
 * members, stored or deflated, written atomically.
 */
package dev.skiff.format.write;

/**
 * A hand-written NumPy {@code .npy}/{@code .npz} codec, byte-compatible with {@code np.save} and
 * {@code np.savez_compressed}, with bounded-memory readers. It depends only on the JDK.
 */
package dev.skiff.format.npy;

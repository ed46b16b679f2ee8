package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Corrupted input must only ever produce NpyFormatException (or a valid array), never another exception. Each case is
 * made from its own seed, so a failure names the seed that reproduces it.
 */
class NpyMutationProperties {

    private static final byte[] NPY = Npy.write(NpyArrayTest.treeNodes());
    private static final byte[] NPZ;
    private static final int CASES = 1000;

    static {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("data", NpyArray.ofDoubles(new long[] {3}, 1, 2, 3));
        m.put("indices", NpyArray.ofInts(new long[] {3}, 0, 2, 1));
        m.put("format", NpyArray.ofByteStrings(new long[0], new byte[] {'c', 's', 'r'}));
        m.put("nodes", NpyArrayTest.treeNodes());
        NPZ = Npz.write(m);
    }

    @Test
    void corruptedNpy() {
        for (long seed = 0; seed < CASES; seed++) {
            byte[] b = mutate(NPY, seed, 330);
            assertOnlyFormatErrors(seed, () -> Npy.read(b, NpyLimits.DEFAULT));
            assertOnlyFormatErrors(seed, () -> Npy.read(new ByteArrayInputStream(b), NpyLimits.DEFAULT));
        }
    }

    @Test
    void corruptedNpz() {
        for (long seed = 0; seed < CASES; seed++) {
            byte[] b = mutate(NPZ, seed, NPZ.length);
            assertOnlyFormatErrors(seed, () -> Npz.read(b, NpyLimits.DEFAULT, 10));
        }
    }

    /** 1 to 8 bytes replaced (a third of them by characters of Python literals), one time in four also truncated. */
    private static byte[] mutate(byte[] original, long seed, int within) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L);
        byte[] b = original.clone();
        int flips = 1 + r.nextInt(8);
        for (int i = 0; i < flips; i++) {
            int at = r.nextInt(Math.min(within, b.length));
            b[at] = r.nextInt(3) == 0 ? (byte) " '(),:[]{}0123456789-\\\"xu".charAt(r.nextInt(24)) : (byte) r.nextInt();
        }
        if (r.nextInt(4) == 0) {
            b = java.util.Arrays.copyOf(b, r.nextInt(b.length + 1));
        }
        return b;
    }

    private interface Read {
        Object run() throws Exception;
    }

    private static void assertOnlyFormatErrors(long seed, Read read) {
        try {
            assertThat(read.run()).isNotNull();
        } catch (NpyFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Exception | Error e) {
            throw new AssertionError("seed " + seed + ": unexpected " + e, e);
        }
    }
}

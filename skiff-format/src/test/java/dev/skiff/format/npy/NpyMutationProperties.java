package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Corrupted input must only ever produce NpyFormatException (or a valid array), never another exception. */
class NpyMutationProperties {

    private static final byte[] NPY = Npy.write(NpyArrayTest.treeNodes());
    private static final byte[] NPZ;

    static {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("data", NpyArray.ofDoubles(new long[] {3}, 1, 2, 3));
        m.put("indices", NpyArray.ofInts(new long[] {3}, 0, 2, 1));
        m.put("format", NpyArray.ofByteStrings(new long[0], new byte[] {'c', 's', 'r'}));
        m.put("nodes", NpyArrayTest.treeNodes());
        NPZ = Npz.write(m);
    }

    @Property(tries = 1000)
    void corruptedNpy(@ForAll("seed") long seed, @ForAll @IntRange(min = 1, max = 8) int flips) {
        byte[] b = mutate(NPY, seed, flips, 330);
        assertOnlyFormatErrors(() -> Npy.read(b, NpyLimits.DEFAULT));
        assertOnlyFormatErrors(() -> Npy.read(new ByteArrayInputStream(b), NpyLimits.DEFAULT));
    }

    @Property(tries = 1000)
    void corruptedNpz(@ForAll("seed") long seed, @ForAll @IntRange(min = 1, max = 8) int flips) {
        byte[] b = mutate(NPZ, seed, flips, NPZ.length);
        assertOnlyFormatErrors(() -> Npz.read(b, NpyLimits.DEFAULT, 10));
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<Long> seed() {
        return net.jqwik.api.Arbitraries.longs();
    }

    private static byte[] mutate(byte[] original, long seed, int flips, int within) {
        Random r = new Random(seed);
        byte[] b = original.clone();
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

    private static void assertOnlyFormatErrors(Read read) {
        try {
            assertThat(read.run()).isNotNull();
        } catch (NpyFormatException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        } catch (Exception | Error e) {
            throw new AssertionError("unexpected " + e, e);
        }
    }
}

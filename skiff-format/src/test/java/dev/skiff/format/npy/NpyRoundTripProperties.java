package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Round trips over random arrays and strings; each case comes from its own seed, which a failure names. */
class NpyRoundTripProperties {
    private static final String PYTHON_SPECIALS = "'\"\\\n\t\r\0 a\u00e9\u00a0\u2028";

    @Test
    void writeThenReadGivesTheSameArray() throws Exception {
        for (long seed = 0; seed < 500; seed++) {
            NpyArray a = array(new Random(seed));
            try {
                checkRoundTrip(a);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + " (" + a.dtype() + ", " + java.util.Arrays.toString(a.shape())
                        + "): " + e.getMessage(), e);
            }
        }
    }

    private static void checkRoundTrip(NpyArray a) throws Exception {
        byte[] file = Npy.write(a);
        int headerLength = (file[8] & 0xff) | (file[9] & 0xff) << 8;
        assertThat(file[6]).isEqualTo((byte) 1);
        assertThat((headerLength + 10) % 64).isZero();
        assertThat(file[9 + headerLength]).isEqualTo((byte) '\n');
        assertThat(file.length).isEqualTo(10 + headerLength + a.size() * a.dtype().itemSize());

        NpyArray back = Npy.read(file, NpyLimits.DEFAULT);
        assertThat(back).isEqualTo(a);
        assertThat(Npy.read(new ByteArrayInputStream(file), NpyLimits.DEFAULT)).isEqualTo(a);
        ByteArrayOutputStream streamed = new ByteArrayOutputStream();
        Npy.write(a, streamed);
        assertThat(streamed.toByteArray()).isEqualTo(file);
        assertThat(back.toCOrder().toCOrder()).isEqualTo(a.toCOrder());
    }

    @Test
    void pythonStringReprParsesBack() throws Exception {
        for (long seed = 0; seed < 300; seed++) {
            String s = name(new Random(seed));
            String repr = PyRepr.str(s);
            assertThat(PyLiteral.parse(repr)).as("seed %d: %s", seed, repr).isEqualTo(s);
            assertThat(PyLiteral.parse(" [(" + repr + ", '<f8', (2, 3)),\t]\n")).isInstanceOf(java.util.List.class);
        }
    }

    /** A numeric dtype of either byte order, 0 to 3 dimensions of 0 to 6, C or Fortran order, random bytes. */
    private static NpyArray array(Random r) {
        DType.Scalar t = (DType.Scalar) DType.parse((r.nextBoolean() ? "<" : ">")
                + RandomArrays.NUMERIC[r.nextInt(RandomArrays.NUMERIC.length)]);
        long[] shape = new long[r.nextInt(4)];
        long n = 1;
        for (int i = 0; i < shape.length; i++) {
            shape[i] = r.nextInt(7);
            n *= shape[i];
        }
        byte[] data = new byte[(int) (n * t.itemSize())];
        r.nextBytes(data);
        return new NpyArray(t, shape, r.nextBoolean(), data);
    }

    /** Up to 12 characters: any code points half the time, else the characters Python's repr escapes. */
    private static String name(Random r) {
        int len = r.nextInt(13);
        StringBuilder b = new StringBuilder();
        boolean any = r.nextBoolean();
        while (b.length() < len) {
            if (any) {
                int cp = r.nextInt(4) == 0 ? r.nextInt(0x110000) : r.nextInt(0x800);
                if (cp >= 0xD800 && cp <= 0xDFFF) {
                    continue;
                }
                b.appendCodePoint(cp);
            } else {
                b.append(PYTHON_SPECIALS.charAt(r.nextInt(PYTHON_SPECIALS.length())));
            }
        }
        return b.toString();
    }
}

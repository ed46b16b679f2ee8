package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class NpyRoundTripProperties {

    @Property(tries = 500)
    void writeThenReadGivesTheSameArray(@ForAll("arrays") NpyArray a) throws Exception {
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

    @Property(tries = 300)
    void pythonStringReprParsesBack(@ForAll("names") String s) throws Exception {
        String repr = PyRepr.str(s);
        assertThat(PyLiteral.parse(repr)).isEqualTo(s);
        assertThat(PyLiteral.parse(" [(" + repr + ", '<f8', (2, 3)),\t]\n")).isInstanceOf(java.util.List.class);
    }

    @Provide
    Arbitrary<NpyArray> arrays() {
        Arbitrary<DType.Scalar> dtype = Combinators.combine(
                Arbitraries.of('<', '>'), Arbitraries.of(RandomArrays.NUMERIC))
                .as((order, t) -> DType.parse(order + t));
        Arbitrary<long[]> shape = Arbitraries.longs().between(0, 6).array(long[].class).ofMaxSize(3);
        return Combinators.combine(dtype, shape, Arbitraries.of(true, false), Arbitraries.randomValue(r -> r))
                .as((t, s, fortran, random) -> {
                    long n = 1;
                    for (long d : s) {
                        n *= d;
                    }
                    byte[] data = new byte[(int) (n * t.itemSize())];
                    random.nextBytes(data);
                    return new NpyArray(t, s, fortran, data);
                });
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("'\"\\\n\t\r\0 a\u00e9\u00a0\u2028").ofMaxLength(12));
    }
}

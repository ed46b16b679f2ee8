package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class NpyArrayTest {

    static final DType.Structured TREE = DType.Structured.of(
            DType.Field.of("left_child", DType.INT64), DType.Field.of("right_child", DType.INT64),
            DType.Field.of("feature", DType.INT64), DType.Field.of("threshold", DType.FLOAT64),
            DType.Field.of("impurity", DType.FLOAT64), DType.Field.of("n_node_samples", DType.INT64),
            DType.Field.of("weighted_n_node_samples", DType.FLOAT64),
            DType.Field.of("missing_go_to_left", DType.UINT8), DType.Field.padding(7));

    /** The same three nodes numpy_cases.py and numpy_check_java.py build. */
    static NpyArray treeNodes() {
        ByteBuffer b = ByteBuffer.allocate(3 * 64).order(ByteOrder.LITTLE_ENDIAN);
        long[][] ints = {{1, 2, 0, 4}, {-1, -1, -2, 2}, {-1, -1, -2, 2}};
        double[][] doubles = {{0.5, 0.5, 4.0}, {-2.0, 0.0, 2.0}, {-2.0, 0.0, 2.0}};
        for (int i = 0; i < 3; i++) {
            int o = 64 * i;
            b.putLong(o, ints[i][0]).putLong(o + 8, ints[i][1]).putLong(o + 16, ints[i][2]);
            b.putDouble(o + 24, doubles[i][0]).putDouble(o + 32, doubles[i][1]);
            b.putLong(o + 40, ints[i][3]).putDouble(o + 48, doubles[i][2]);
            b.put(o + 56, (byte) (i == 0 ? 1 : 0));
        }
        return new NpyArray(TREE, new long[] {3}, false, b.array());
    }

    @Test
    void treeNodeDtypeHasNumpysDescrAndLayout() {
        assertThat(TREE.itemSize()).isEqualTo(64);
        assertThat(TREE.descrLiteral()).isEqualTo("[('left_child', '<i8'), ('right_child', '<i8'), ('feature', '<i8'), "
                + "('threshold', '<f8'), ('impurity', '<f8'), ('n_node_samples', '<i8'), "
                + "('weighted_n_node_samples', '<f8'), ('missing_go_to_left', '|u1'), ('', '|V7')]");
        assertThat(TREE.offsetOf("threshold")).isEqualTo(24);
        assertThat(TREE.offsetOf("missing_go_to_left")).isEqualTo(56);
        assertThat(TREE.names()).hasSize(8).doesNotContain("");
        byte[] file = Npy.write(treeNodes());
        assertThat((file[8] & 0xff) | (file[9] & 0xff) << 8).isEqualTo(310);
        assertThat(file).hasSize(320 + 3 * 64);
    }

    @Test
    void fieldExtractsValues() {
        NpyArray t = treeNodes();
        assertThat(t.field("left_child").toLongArray()).containsExactly(1, -1, -1);
        assertThat(t.field("threshold").toDoubleArray()).containsExactly(0.5, -2.0, -2.0);
        assertThat(t.field("missing_go_to_left").toIntArray()).containsExactly(1, 0, 0);
        assertThatThrownBy(() -> t.field("nope")).hasMessageContaining("no field named 'nope'");
        assertThatThrownBy(() -> t.getDouble(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("getDouble is not defined");
    }

    @Test
    void subArrayFieldOfFortranArrayComesBackInCOrder() {
        DType.Structured dt = DType.Structured.of(DType.Field.of("a", DType.INT32), DType.Field.of("w", DType.FLOAT64, 2));
        // logical (2, 2) records r[i][j] = (10i+j, [i+j, -(i+j)]), stored column-major: r00 r10 r01 r11
        ByteBuffer b = ByteBuffer.allocate(4 * 20).order(ByteOrder.LITTLE_ENDIAN);
        int[][] order = {{0, 0}, {1, 0}, {0, 1}, {1, 1}};
        for (int[] ij : order) {
            b.putInt(10 * ij[0] + ij[1]).putDouble(ij[0] + ij[1]).putDouble(-(ij[0] + ij[1]));
        }
        NpyArray a = new NpyArray(dt, new long[] {2, 2}, true, b.array());
        assertThat(a.fortranOrder()).isTrue();
        NpyArray fa = a.field("a");
        assertThat(fa.fortranOrder()).isTrue();
        assertThat(fa.toIntArray()).containsExactly(0, 1, 10, 11);
        NpyArray w = a.field("w");
        assertThat(w.shape()).containsExactly(2, 2, 2);
        assertThat(w.fortranOrder()).isFalse();
        assertThat(w.toDoubleArray()).containsExactly(0, 0, 1, -1, 1, -1, 2, -2);
    }

    @Test
    void fortranArraysConvertToCOrder() {
        NpyArray f = new NpyArray(DType.INT32, new long[] {2, 3}, true,
                ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putInt(0).putInt(3).putInt(1).putInt(4)
                        .putInt(2).putInt(5).array());
        assertThat(f.toLongArray()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(f.getLong(1)).isEqualTo(3); // storage order
        assertThat(f.toCOrder()).isEqualTo(NpyArray.ofInts(new long[] {2, 3}, 0, 1, 2, 3, 4, 5));
        assertThat(f).isNotEqualTo(f.toCOrder());
    }

    @Test
    void fortranFlagIsDroppedWhenBothLayoutsCoincide() {
        assertThat(new NpyArray(DType.FLOAT64, new long[] {3}, true, new byte[24]).fortranOrder()).isFalse();
        assertThat(new NpyArray(DType.FLOAT64, new long[] {1, 3}, true, new byte[24]).fortranOrder()).isFalse();
        assertThat(new NpyArray(DType.FLOAT64, new long[] {0, 3}, true, new byte[0]).fortranOrder()).isFalse();
        assertThat(new NpyArray(DType.FLOAT64, new long[] {2, 1, 3}, true, new byte[48]).fortranOrder()).isTrue();
    }

    @Test
    void elementAccessHonoursKindsAndByteOrder() {
        NpyArray be = new NpyArray(DType.parse(">i4"), new long[] {2}, false,
                ByteBuffer.allocate(8).putInt(-5).putInt(70000).array());
        assertThat(be.toLongArray()).containsExactly(-5, 70000);
        assertThat(be.getDouble(1)).isEqualTo(70000.0);
        assertThat(be.data().order()).isEqualTo(ByteOrder.BIG_ENDIAN);
        assertThat(be.data().isReadOnly()).isTrue();
        NpyArray u2 = new NpyArray(DType.UINT16, new long[] {1}, false, new byte[] {(byte) 0xff, (byte) 0xff});
        assertThat(u2.getLong(0)).isEqualTo(65535);
        NpyArray f2 = new NpyArray(DType.FLOAT16, new long[] {1}, false, new byte[] {0, 0x3c});
        assertThat(f2.getDouble(0)).isEqualTo(1.0);
        NpyArray b = NpyArray.ofBooleans(new long[] {2}, true, false);
        assertThat(b.getBoolean(0)).isTrue();
        assertThat(b.getLong(1)).isZero();
        assertThatThrownBy(() -> b.getString(0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> b.getLong(2)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> NpyArray.ofLongs(new long[] {1}, 1L << 40).toIntArray())
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void stringsRoundTrip() {
        NpyArray u = NpyArray.ofStrings(new long[] {2, 2}, "", "a\0b", "😀", "héllo");
        assertThat(u.dtype()).isEqualTo(DType.parse("<U5"));
        assertThat(u.toStringArray()).containsExactly("", "a\0b", "😀", "héllo");
        assertThat(NpyArray.ofStrings(new long[] {1}, "").dtype().descrLiteral()).isEqualTo("'<U1'");
        NpyArray s = NpyArray.ofByteStrings(new long[] {2}, "csr".getBytes(StandardCharsets.US_ASCII), new byte[] {(byte) 0xff});
        assertThat(s.dtype().descrLiteral()).isEqualTo("'|S3'");
        assertThat(s.toStringArray()).containsExactly("csr", "\u00ff");
        NpyArray bad = new NpyArray(DType.parse("<U1"), new long[] {1}, false, new byte[] {0, 0, 0x11, 0});
        assertThatThrownBy(() -> bad.getString(0)).hasMessageContaining("not a Unicode code point");
    }

    @Test
    void constructorValidates() {
        assertThatThrownBy(() -> new NpyArray(DType.FLOAT64, new long[] {2}, false, new byte[15]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs 16");
        assertThatThrownBy(() -> new NpyArray(DType.FLOAT64, new long[] {-1}, false, new byte[0]))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> NpyArray.ofDoubles(new long[] {2, 2}, 1, 2, 3))
                .hasMessageContaining("3 values do not fill shape (2, 2)");
        assertThatThrownBy(() -> new NpyArray(DType.Scalar.voidBytes(0), new long[] {1L << 40}, false, new byte[0]))
                .hasMessageContaining("elements");
    }

    @Test
    void immutableAndValueEquality() {
        byte[] raw = new byte[8];
        NpyArray a = new NpyArray(DType.FLOAT64, new long[] {1}, false, raw);
        raw[7] = 1;
        assertThat(a.getDouble(0)).isZero();
        a.rawData()[0] = 9;
        a.shape()[0] = 9;
        assertThat(a).isEqualTo(NpyArray.ofDoubles(new long[] {1}, 0.0)).hasSameHashCodeAs(NpyArray.ofDoubles(new long[] {1}, 0.0));
        assertThat(a.toString()).isEqualTo("NpyArray['<f8', shape=(1,)]");
        assertThat(NpyArray.scalar(1L).ndim()).isZero();
        assertThat(NpyArray.scalar(1L).size()).isOne();
    }

    @Test
    void dtypeStrings() {
        assertThat(DType.parse("<f8")).isEqualTo(DType.FLOAT64);
        assertThat(DType.parse("f8")).isEqualTo(DType.FLOAT64);
        assertThat(DType.parse("=f8")).isEqualTo(DType.FLOAT64);
        assertThat(DType.parse("<i1").str()).isEqualTo("|i1");
        assertThat(DType.parse(">b1")).isEqualTo(DType.BOOL);
        assertThat(DType.parse("|U3").str()).isEqualTo("<U3");
        assertThat(DType.parse("<U10").itemSize()).isEqualTo(40);
        assertThat(DType.parse("<M8[ns]").unit()).isEqualTo("ns");
        assertThat(DType.parse("<M8[10s]").str()).isEqualTo("<M8[10s]");
        assertThat(DType.parse("<m8[generic]").str()).isEqualTo("<m8");
        assertThat(DType.parse("|V7").descrLiteral()).isEqualTo("'|V7'");
        assertThat(DType.parse("<c16")).isEqualTo(DType.COMPLEX128);
        assertThatThrownBy(() -> DType.parse("|O")).hasMessageContaining("object arrays (pickled) are not allowed");
        assertThatThrownBy(() -> DType.parse("<O8")).hasMessageContaining("object arrays (pickled) are not allowed");
        assertThatThrownBy(() -> DType.parse("<f3")).hasMessageContaining("invalid item size 3");
        assertThatThrownBy(() -> DType.parse("<q8")).hasMessageContaining("unsupported dtype kind 'q'");
        assertThatThrownBy(() -> DType.parse("float64")).hasMessageContaining("unknown descr 'float64'");
        assertThatThrownBy(() -> DType.Structured.of(DType.Field.of("a", DType.INT8), DType.Field.of("a", DType.INT8)))
                .hasMessageContaining("duplicate field name 'a'");
        assertThatThrownBy(() -> DType.Field.of("", DType.INT8)).hasMessageContaining("padding");
    }

    @Test
    void pythonReprOfStrings() {
        assertThat(PyRepr.str("abc")).isEqualTo("'abc'");
        assertThat(PyRepr.str("it's")).isEqualTo("\"it's\"");
        assertThat(PyRepr.str("'\"")).isEqualTo("'\\'\"'");
        assertThat(PyRepr.str("a\\b\n\t\r\0\u007f")).isEqualTo("'a\\\\b\\n\\t\\r\\x00\\x7f'");
        assertThat(PyRepr.str("\u00a0\u00ad\u00e9\u2028\ud800\udb40\udc01😀"))
                .isEqualTo("'\\xa0\\xad\u00e9\\u2028\\ud800\\U000e0001😀'");
        assertThat(PyRepr.tuple(new long[0])).isEqualTo("()");
        assertThat(PyRepr.tuple(new long[] {3})).isEqualTo("(3,)");
        assertThat(PyRepr.tuple(new long[] {1, 2})).isEqualTo("(1, 2)");
    }
}

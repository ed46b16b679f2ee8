package dev.skiff.format.npy;

import dev.skiff.format.testing.PythonOracle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** numpy is the oracle: Java reads what np.save wrote and writes it back byte for byte, and vice versa. */
class NpyNumpyOracleTest {

    @TempDir
    static Path dir;

    static Map<String, Object> cases;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void numpyWritesTheCases() throws Exception {
        PythonOracle.runResource("/npy/numpy_cases.py", dir.toString());
        cases = (Map<String, Object>) TestJson.read(dir.resolve("cases.json"));
    }

    @TestFactory
    @SuppressWarnings("unchecked")
    Stream<DynamicTest> javaReadsEachNumpyFileAndWritesItBackIdentically() {
        assertThat(cases).hasSizeGreaterThan(40);
        return cases.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Map<String, Object> expected = (Map<String, Object>) e.getValue();
            byte[] file = Files.readAllBytes(dir.resolve(e.getKey()));
            NpyArray a = Npy.read(file, NpyLimits.DEFAULT);
            assertThat(a.dtype().descrLiteral()).isEqualTo(expected.get("descr"));
            assertThat(a.fortranOrder()).isEqualTo(expected.get("fortran"));
            checkValues(a, expected);
            assertThat(Npy.write(a)).as("Java's bytes for %s", e.getKey()).isEqualTo(file);
            assertThat(Npy.read(new ByteArrayInputStream(file), NpyLimits.DEFAULT)).isEqualTo(a);
        }));
    }

    @Test
    void formatVersionsAndHeaderLengthsMatchNumpy() throws Exception {
        byte[] tree = Files.readAllBytes(dir.resolve("tree_nodes.npy"));
        assertThat(tree[6]).isEqualTo((byte) 1);
        assertThat((tree[8] & 0xff) | (tree[9] & 0xff) << 8).isEqualTo(310);
        assertThat(Npy.read(tree, NpyLimits.DEFAULT).dtype().itemSize()).isEqualTo(64);
        assertThat(Files.readAllBytes(dir.resolve("huge_header.npy"))[6]).isEqualTo((byte) 2);
        assertThat(Files.readAllBytes(dir.resolve("unicode_field_name.npy"))[6]).isEqualTo((byte) 3);
        assertThat(Files.readAllBytes(dir.resolve("latin1_field_name.npy"))[6]).isEqualTo((byte) 1);
    }

    @Test
    void uint64AboveLongMaxIsAnErrorForGetLong() throws Exception {
        NpyArray u8 = Npy.read(Files.readAllBytes(dir.resolve("u8.npy")), NpyLimits.DEFAULT);
        assertThat(u8.getLong(2)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> u8.getLong(3)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("9223372036854775808");
        assertThat(u8.getDouble(4)).isEqualTo(0x1.0p64);
    }

    @Test
    void numpyLoadsWhatJavaWrites() throws Exception {
        Path out = Files.createDirectories(dir.resolve("from-java"));
        for (Map.Entry<String, NpyArray> e : javaCases().entrySet()) {
            Files.write(out.resolve(e.getKey() + ".npy"), Npy.write(e.getValue()));
        }
        Random r = new Random(20240611);
        for (int i = 0; i < 300; i++) {
            NpyArray a = RandomArrays.array(r);
            Files.write(out.resolve(String.format("rand_%03d.npy", i)), Npy.write(a));
            Files.write(out.resolve(String.format("rand_%03d.cbin", i)), a.toCOrder().rawData());
        }
        String report = PythonOracle.runResource("/npy/numpy_check_java.py", out.toString());
        assertThat(report).contains("ok: 27 named, 300 random");
    }

    static Map<String, NpyArray> javaCases() {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("doubles_2x3", NpyArray.ofDoubles(new long[] {2, 3}, 1, 2, 3, 4, 5, 6.5));
        m.put("longs", NpyArray.ofLongs(new long[] {4}, Long.MIN_VALUE, -1, 0, Long.MAX_VALUE));
        m.put("ints_2x2", NpyArray.ofInts(new long[] {2, 2}, 1, -2, 3, Integer.MAX_VALUE));
        m.put("floats", NpyArray.ofFloats(new long[] {3}, 0.1f, -1.5f, Float.POSITIVE_INFINITY));
        m.put("ubytes", NpyArray.ofUnsignedBytes(new long[] {3}, (byte) 0, (byte) 1, (byte) 255));
        m.put("bools", NpyArray.ofBooleans(new long[] {3}, true, false, true));
        m.put("strings", NpyArray.ofStrings(new long[] {3}, "", "héllo", "😀"));
        m.put("empty_strings", NpyArray.ofStrings(new long[] {2}, "", ""));
        m.put("bytestrings", NpyArray.ofByteStrings(new long[] {2}, new byte[] {'a', 'b'}, new byte[0]));
        m.put("scalar_double", NpyArray.scalar(2.5));
        m.put("scalar_long", NpyArray.scalar(-7L));
        m.put("scalar_bool", NpyArray.scalar(false));
        m.put("scalar_string", NpyArray.scalar("naïve"));
        m.put("fortran_2x3", new NpyArray(DType.FLOAT64, new long[] {2, 3}, true, le(true, 0, 3, 1, 4, 2, 5)));
        m.put("fortran_flag_on_1d", new NpyArray(DType.INT64, new long[] {3}, true, le(false, 0, 1, 2)));
        m.put("big_endian_f8", new NpyArray(DType.parse(">f8"), new long[] {2}, false,
                ByteBuffer.allocate(16).putDouble(1.5).putDouble(-2.0).array()));
        m.put("big_endian_i2", new NpyArray(DType.parse(">i2"), new long[] {2, 2}, false,
                ByteBuffer.allocate(8).putShort((short) 1).putShort((short) -2).putShort((short) 300)
                        .putShort((short) 4).array()));
        ByteBuffer f2 = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : new float[] {1.0f, 0.5f, -65504.0f}) {
            f2.putShort(Float.floatToFloat16(v));
        }
        m.put("float16", new NpyArray(DType.FLOAT16, new long[] {3}, false, f2.array()));
        m.put("complex128", new NpyArray(DType.COMPLEX128, new long[] {2}, false,
                ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN).putDouble(1).putDouble(2).putDouble(0)
                        .putDouble(-3.5).array()));
        m.put("datetime_ns", new NpyArray(DType.DATETIME64_NS, new long[] {2}, false,
                ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(Long.MIN_VALUE).array()));
        m.put("empty_0x3", NpyArray.ofDoubles(new long[] {0, 3}));
        m.put("three_d", NpyArray.ofInts(new long[] {2, 3, 4}, LongStream.range(0, 24).mapToInt(x -> (int) x).toArray()));
        m.put("tree_nodes", NpyArrayTest.treeNodes());
        List<DType.Field> weird = new ArrayList<>();
        for (String name : List.of("it's", "say \"hi\"", "both ' and \"", "back\\slash", "tab\there",
                "\0\u007f\u00a0\u00ad", "é", "\ud800", "nl\nx", "\u2028", "\udb40\udc01")) {
            weird.add(DType.Field.of(name, DType.FLOAT64));
        }
        m.put("weird_field_names", NpyArray.zeros(new DType.Structured(weird), 1));
        m.put("unicode_field_names", NpyArray.zeros(DType.Structured.of(
                DType.Field.of("😀", DType.INT32), DType.Field.of("Ā", DType.BOOL)), 2));
        List<DType.Field> many = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            many.add(DType.Field.of(String.format("field_%05d", i), DType.INT16));
        }
        m.put("huge_header", NpyArray.zeros(new DType.Structured(many), 1));
        m.put("nested", NpyArray.zeros(DType.Structured.of(
                DType.Field.of("p", DType.Structured.of(DType.Field.of("x", DType.FLOAT32),
                        DType.Field.of("y", DType.parse(">f4")))),
                DType.Field.of("q", DType.BOOL),
                DType.Field.of("w", DType.UINT16, 2, 1)), 2));
        return m;
    }

    /** Little-endian 8-byte values, as doubles or as longs. */
    private static byte[] le(boolean asDoubles, long... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            if (asDoubles) {
                b.putDouble(v);
            } else {
                b.putLong(v);
            }
        }
        return b.array();
    }

    // ---- comparing with numpy's JSON dump ----

    @SuppressWarnings("unchecked")
    static void checkValues(NpyArray a, Map<String, Object> expected) {
        List<Long> shape = (List<Long>) expected.get("shape");
        assertThat(a.shape()).containsExactly(shape.stream().mapToLong(Long::longValue).toArray());
        String kind = (String) expected.get("kind");
        if (kind.equals("struct")) {
            Map<String, Object> fields = (Map<String, Object>) expected.get("fields");
            assertThat(((DType.Structured) a.dtype()).names()).containsExactlyElementsOf(fields.keySet());
            fields.forEach((name, f) -> checkValues(a.field(name), (Map<String, Object>) f));
            return;
        }
        List<String> values = ((List<String>) expected.get("values")).stream()
                .map(v -> kind.equals("f") || kind.equals("c") ? canonicalFloats(v) : v).toList();
        assertThat(actualStrings(a, kind)).as("values of %s", a).containsExactlyElementsOf(values);
    }

    private static List<String> actualStrings(NpyArray a, String kind) {
        List<String> out = new ArrayList<>();
        DType.Scalar s = (DType.Scalar) a.dtype();
        ByteBuffer c = a.toCOrder().data();
        int n = (int) a.size();
        switch (kind) {
            case "f" -> {
                for (double v : a.toDoubleArray()) {
                    out.add(pyFloat(v));
                }
            }
            case "i", "M", "m" -> {
                for (long v : a.toLongArray()) {
                    out.add(Long.toString(v));
                }
            }
            case "u" -> {
                if (s.itemSize() == 8) {
                    for (int k = 0; k < n; k++) {
                        out.add(Long.toUnsignedString(c.getLong(8 * k)));
                    }
                } else {
                    for (long v : a.toLongArray()) {
                        out.add(Long.toString(v));
                    }
                }
            }
            case "b" -> {
                for (boolean v : a.toBooleanArray()) {
                    out.add(v ? "True" : "False");
                }
            }
            case "U", "S" -> out.addAll(List.of(a.toStringArray()));
            case "c" -> {
                int half = s.itemSize() / 2;
                for (int k = 0; k < n; k++) {
                    double re = half == 8 ? c.getDouble(16 * k) : c.getFloat(8 * k);
                    double im = half == 8 ? c.getDouble(16 * k + 8) : c.getFloat(8 * k + 4);
                    out.add(pyFloat(re) + "," + pyFloat(im));
                }
            }
            case "V" -> {
                NpyArray co = a.toCOrder();
                for (int k = 0; k < n; k++) {
                    out.add(HexFormat.of().formatHex(co.getElementBytes(k)));
                }
            }
            default -> throw new AssertionError("unexpected kind " + kind);
        }
        return out;
    }

    /** Python float reprs ("nan", "-inf", "1e-300", comma-separated for complex) in Java's notation. */
    static String canonicalFloats(String python) {
        List<String> parts = new ArrayList<>();
        for (String p : python.split(",")) {
            parts.add(pyFloat(switch (p) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(p);
            }));
        }
        return String.join(",", parts);
    }

    static String pyFloat(double v) {
        return Double.toString(v);
    }
}

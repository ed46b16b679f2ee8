package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Malformed and hostile .npy input: every case must fail with an NpyFormatException that says why. */
class NpyBadInputTest {

    /** A .npy file with the given version and raw header text (padded with spaces and a newline). */
    static byte[] npy(int major, String header, byte[] data) {
        byte[] text = (header + "\n").getBytes(major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        out.write(text.length & 0xff);
        out.write(text.length >>> 8);
        if (major != 1) {
            out.write(0);
            out.write(0);
        }
        out.writeBytes(text);
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] npy(String header, byte[] data) {
        return npy(1, header, data);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> readFails(byte[] bytes) {
        return assertThatThrownBy(() -> Npy.read(bytes, NpyLimits.DEFAULT)).isInstanceOf(NpyFormatException.class);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> streamReadFails(byte[] bytes) {
        return assertThatThrownBy(() -> Npy.read(new ByteArrayInputStream(bytes), NpyLimits.DEFAULT))
                .isInstanceOf(NpyFormatException.class);
    }

    @Test
    void validFileParses() throws Exception {
        NpyArray a = Npy.read(npy("  {'shape':(2,),'fortran_order' :False,\n 'descr':\"<i2\"}", new byte[] {1, 0, 2, 0}),
                NpyLimits.DEFAULT);
        assertThat(a.toLongArray()).containsExactly(1, 2);
        assertThat(Npy.read(npy(2, "{'descr': '<i2', 'fortran_order': False, 'shape': (), }", new byte[2]),
                NpyLimits.DEFAULT).ndim()).isZero();
        assertThat(Npy.read(npy(3, "{'descr': [('é', '<i2')], 'fortran_order': False, 'shape': (1,), }",
                new byte[2]), NpyLimits.DEFAULT).field("é").getLong(0)).isZero();
    }

    @Test
    void python2StyleUnicodePrefixIsAcceptedLikeLiteralEval() throws Exception {
        NpyArray a = Npy.read(npy("{u'descr': [(u'x', u'<i2')], 'fortran_order': False, 'shape': (1,), }",
                new byte[] {5, 0}), NpyLimits.DEFAULT);
        assertThat(a.field("x").getLong(0)).isEqualTo(5);
        readFails(npy("{'descr': b'<i2', 'fortran_order': False, 'shape': (1,), }", new byte[2]))
                .hasMessageContaining("unsupported name 'b'");
    }

    @Test
    void headerCanBeReadAlone() throws Exception {
        byte[] file = Npy.write(NpyArray.ofDoubles(new long[] {2, 3}, 1, 2, 3, 4, 5, 6));
        ByteArrayInputStream in = new ByteArrayInputStream(file);
        NpyHeader h = Npy.readHeader(in, NpyLimits.DEFAULT);
        assertThat(h).isEqualTo(new NpyHeader(DType.FLOAT64, new long[] {2, 3}, false));
        assertThat(h.elementCount()).isEqualTo(6);
        assertThat(h.dataBytes()).isEqualTo(48);
        assertThat(in.available()).isEqualTo(48);
    }

    @Test
    void wrongMagic() {
        readFails("PK\3\4 not numpy at all".getBytes(StandardCharsets.ISO_8859_1))
                .hasMessageContaining("not a .npy file: expected the magic \\x93NUMPY, got bytes 504b0304");
        readFails(new byte[0]).hasMessageContaining("got no bytes");
        readFails(new byte[] {(byte) 0x93, 'N', 'U', 'M'}).hasMessageContaining("not a .npy file");
    }

    @Test
    void unknownVersion() {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", new byte[8]);
        b[6] = 4;
        readFails(b).hasMessageContaining("unsupported .npy format version 4.0");
        b[6] = 1;
        b[7] = 1;
        readFails(b).hasMessageContaining("unsupported .npy format version 1.1");
    }

    @Test
    void headerLengthBeyondTheBytes() {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }", new byte[0]);
        b[8] = (byte) 0xff;
        b[9] = 0x7f;
        readFails(b).hasMessageContaining("truncated header: expected 32767 bytes, got " + (b.length - 10));
        readFails(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 5})
                .hasMessageContaining("header length field has 1 of 2 bytes");
    }

    @Test
    void headerLongerThanTheLimit() {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), }" + " ".repeat(5000), new byte[8]);
        assertThatThrownBy(() -> Npy.read(b, new NpyLimits(4096, 10, 80))).isInstanceOf(NpyFormatException.class)
                .hasMessageMatching("header length \\d+ exceeds the limit of 4096 bytes");
        byte[] v2 = new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 0, 0, 0, (byte) 0x80};
        readFails(v2).hasMessageContaining("header length 2147483648 exceeds the limit of 1048576 bytes");
    }

    @Test
    void headerNotADict() {
        readFails(npy("[('descr', '<f8')]", new byte[0])).hasMessageContaining("header is not a dict: [('descr', '<f8')]");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': ()", new byte[0]))
                .hasMessageContaining("cannot parse .npy header: unexpected end of header");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), } x", new byte[0]))
                .hasMessageContaining("unexpected text after the literal");
        readFails(npy("{'descr': '<f8', 'fortran_order': None, 'shape': (), }", new byte[0]))
                .hasMessageContaining("unsupported name 'None'");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1.5,), }", new byte[0]))
                .hasMessageContaining("only plain decimal integers");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3L,), }", new byte[0]))
                .hasMessageContaining("only plain decimal integers");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': __import__('os'), }", new byte[0]))
                .hasMessageContaining("unsupported name '__import__'");
        readFails(npy("{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, 'shape': (), }", new byte[0]))
                .hasMessageContaining("duplicate key 'descr'");
        readFails(npy("{'descr': '<f8\n', 'fortran_order': False, 'shape': (), }", new byte[0]))
                .hasMessageContaining("unterminated string");
        readFails(npy("[".repeat(1000) + "]".repeat(1000), new byte[0])).hasMessageContaining("nesting deeper than 32");
        readFails(npy("{1: 2}", new byte[0])).hasMessageContaining("dict keys must be strings");
    }

    @Test
    void missingOrExtraKeys() {
        readFails(npy("{'descr': '<f8', 'shape': (), }", new byte[8]))
                .hasMessageContaining("header must have exactly the keys").hasMessageContaining("missing [fortran_order]");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (), 'x': 1}", new byte[8]))
                .hasMessageContaining("unexpected [x]");
    }

    @Test
    void badValues() {
        readFails(npy("{'descr': '<f8', 'fortran_order': 0, 'shape': (), }", new byte[8]))
                .hasMessageContaining("fortran_order is not True or False: 0");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (3), }", new byte[24]))
                .hasMessageContaining("shape is not a tuple: 3");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': ('3',), }", new byte[24]))
                .hasMessageContaining("shape entry 0 is not an integer");
    }

    @Test
    void invalidUtf8InVersion3Header() {
        byte[] b = npy(3, "{'descr': [('\u00e9', '<f8')], 'fortran_order': False, 'shape': (), }", new byte[8]);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == (byte) 0xc3) {
                b[i] = (byte) 0xff;
            }
        }
        readFails(b).hasMessageContaining("version 3.0 header is not valid UTF-8");
    }

    @Test
    void unknownDescr() {
        readFails(npy("{'descr': '<q8', 'fortran_order': False, 'shape': (), }", new byte[8]))
                .hasMessageContaining("unknown descr '<q8'");
        readFails(npy("{'descr': 'float64', 'fortran_order': False, 'shape': (), }", new byte[8]))
                .hasMessageContaining("unknown descr 'float64'");
        readFails(npy("{'descr': ('<f8', (2,)), 'fortran_order': False, 'shape': (), }", new byte[16]))
                .hasMessageContaining("descr is not a type string or a list of fields");
        readFails(npy("{'descr': [('a', '<f8', 2)], 'fortran_order': False, 'shape': (), }", new byte[16]))
                .hasMessageContaining("shape of field 'a' is not a tuple");
        readFails(npy("{'descr': [(('t', 'a'), '<f8')], 'fortran_order': False, 'shape': (), }", new byte[8]))
                .hasMessageContaining("field titles are not supported");
        readFails(npy("{'descr': [('a', '<f8'), ('a', '<i8')], 'fortran_order': False, 'shape': (), }", new byte[16]))
                .hasMessageContaining("duplicate field name 'a'");
        readFails(npy("{'descr': [('', '<f8')], 'fortran_order': False, 'shape': (), }", new byte[8]))
                .hasMessageContaining("only padding fields");
    }

    @Test
    void objectDescrIsRejected() {
        readFails(npy("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", new byte[8]))
                .hasMessageContaining("object arrays (pickled) are not allowed");
        readFails(npy("{'descr': [('a', '|O')], 'fortran_order': False, 'shape': (1,), }", new byte[8]))
                .hasMessageContaining("object arrays (pickled) are not allowed");
    }

    @Test
    void negativeShape() {
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", new byte[0]))
                .hasMessageContaining("negative dimension -1 in shape");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, - 3), }", new byte[0]))
                .hasMessageContaining("negative dimension -3 in shape");
    }

    @Test
    void shapeProductOverflow() {
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904, 4611686018427387904), }",
                new byte[0])).hasMessageContaining("is too large: the element count overflows 64 bits");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (4611686018427387904,), }", new byte[0]))
                .hasMessageContaining("elements, more than the limit of 2147483639");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999,), }", new byte[0]))
                .hasMessageContaining("dimension 99999999999999999999 in shape is too large");
        readFails(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (" + "1, ".repeat(65) + "), }", new byte[8]))
                .hasMessageContaining("65 dimensions, more than 64");
    }

    @Test
    void limitsOnElementsAndBytes() {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100,), }", new byte[800]);
        assertThatThrownBy(() -> Npy.read(b, new NpyLimits(1000, 99, 10_000)))
                .hasMessageContaining("shape (100,) has 100 elements, more than the limit of 99");
        assertThatThrownBy(() -> Npy.read(b, new NpyLimits(1000, 100, 799)))
                .hasMessageContaining("data of 800 bytes (shape (100,), item size 8) exceeds the limit of 799 bytes");
    }

    @Test
    void twoGibClaimWithTinyBodyFailsFast() {
        // The surefire heap is 256 MB: reading this must not try to allocate the claimed 2 GB.
        byte[] b = npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2147483000,), }", new byte[10]);
        long start = System.nanoTime();
        readFails(b).hasMessageContaining("truncated data: expected 2147483000 bytes, got 10");
        streamReadFails(b).hasMessageContaining("truncated data: expected 2147483000 bytes, got 10");
        InputStream slow = new InputStream() { // a stream that delivers 3 MB of data, one small read at a time
            private final InputStream head = new ByteArrayInputStream(b, 0, b.length - 10);
            private long left = 3_000_000;

            @Override
            public int read() throws java.io.IOException {
                int c = head.read();
                return c >= 0 ? c : left-- > 0 ? 0 : -1;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws java.io.IOException {
                int n = head.read(buf, off, len);
                if (n >= 0) {
                    return n;
                }
                int k = (int) Math.min(Math.min(len, 4096), left);
                left -= k;
                return k == 0 ? -1 : k;
            }
        };
        assertThatThrownBy(() -> Npy.read(slow, NpyLimits.DEFAULT))
                .hasMessageContaining("truncated data: expected 2147483000 bytes, got 3000000");
        assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
    }

    @Test
    void truncatedData() {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }", new byte[31]);
        readFails(b).hasMessageContaining("truncated data: expected 32 bytes, got 31");
        streamReadFails(b).hasMessageContaining("truncated data: expected 32 bytes, got 31");
    }

    @Test
    void trailingData() {
        byte[] b = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2,), }", new byte[17]);
        readFails(b).hasMessageContaining("trailing data: expected 16 bytes after the header, got 17");
    }

    @Test
    void streamReadStopsAfterTheData() throws Exception {
        byte[] one = Npy.write(NpyArray.ofInts(new long[] {2}, 1, 2));
        byte[] two = Npy.write(NpyArray.scalar("x"));
        ByteArrayOutputStream both = new ByteArrayOutputStream();
        both.writeBytes(one);
        both.writeBytes(two);
        InputStream in = new ByteArrayInputStream(both.toByteArray());
        assertThat(Npy.read(in, NpyLimits.DEFAULT).toIntArray()).containsExactly(1, 2);
        assertThat(Npy.read(in, NpyLimits.DEFAULT).getString(0)).isEqualTo("x");
        assertThat(in.read()).isEqualTo(-1);
    }
}

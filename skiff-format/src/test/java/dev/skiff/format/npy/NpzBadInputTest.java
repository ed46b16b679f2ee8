package dev.skiff.format.npy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

/** Malformed and hostile .npz input, including zip bombs built in memory without allocating their size. */
class NpzBadInputTest {

    private static final NpyLimits SMALL = new NpyLimits(4096, 1_000_000_000, 10_000_000);

    /** Streams a zip whose members are a .npy header followed by {@code zeros} zero bytes. */
    static byte[] zip(Map<String, byte[]> headers, long zeros) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            byte[] chunk = new byte[1 << 20];
            for (Map.Entry<String, byte[]> e : headers.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                for (long left = zeros; left > 0; left -= chunk.length) {
                    z.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                z.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** Just the header bytes of a |u1 array of n elements. */
    static byte[] u1Header(long n) {
        return NpyBadInputTest.npy("{'descr': '|u1', 'fortran_order': False, 'shape': (" + n + ",), }", new byte[0]);
    }

    static byte[] members(String... namesAndArrays) throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String name : namesAndArrays) {
            m.put(name, Npy.write(NpyArray.ofLongs(new long[] {2}, 1, 2)));
        }
        return zip(m, 0);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> readFails(byte[] zip, NpyLimits limits, int maxMembers) {
        return assertThatThrownBy(() -> Npz.read(zip, limits, maxMembers)).isInstanceOf(NpyFormatException.class);
    }

    @Test
    void roundTrip() throws Exception {
        Map<String, NpyArray> m = new LinkedHashMap<>();
        m.put("b", NpyArray.ofStrings(new long[] {2}, "x", "yz"));
        m.put("a", NpyArray.scalar(1.5));
        assertThat(Npz.read(Npz.write(m), NpyLimits.DEFAULT, 10)).containsExactlyEntriesOf(m);
        assertThat(Npz.write(m)).isEqualTo(Npz.write(m));
        assertThat(Npz.read(Npz.write(Map.of()), NpyLimits.DEFAULT, 10)).isEmpty();
        assertThatThrownBy(() -> Npz.write(Map.of("../x", NpyArray.scalar(1.0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void duplicateMemberNames() throws Exception {
        byte[] zip = members("a.npy", "b.npy");
        byte[] from = "b.npy".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i + from.length <= zip.length; i++) {
            if (java.util.Arrays.equals(zip, i, i + from.length, from, 0, from.length)) {
                zip[i] = 'a';
            }
        }
        readFails(zip, NpyLimits.DEFAULT, 10).hasMessageContaining(".npz has a duplicate member 'a.npy'");
    }

    @Test
    void unsafeOrOddMemberNames() throws Exception {
        readFails(members("../x.npy"), NpyLimits.DEFAULT, 10).hasMessageContaining("member name '../x.npy' is not allowed");
        readFails(members("d/x.npy"), NpyLimits.DEFAULT, 10).hasMessageContaining("'d/x.npy' is not allowed");
        readFails(members("d\\x.npy"), NpyLimits.DEFAULT, 10).hasMessageContaining("is not allowed");
        readFails(members("/x.npy"), NpyLimits.DEFAULT, 10).hasMessageContaining("is not allowed");
        readFails(members("readme.txt"), NpyLimits.DEFAULT, 10).hasMessageContaining("'readme.txt' is not a NAME.npy file");
        readFails(members(".npy"), NpyLimits.DEFAULT, 10).hasMessageContaining("is not a NAME.npy file");
    }

    @Test
    void tooManyMembers() throws Exception {
        readFails(members("a.npy", "b.npy", "c.npy", "d.npy"), NpyLimits.DEFAULT, 3)
                .hasMessageContaining(".npz has more than 3 members");
    }

    @Test
    void notAZip() {
        readFails("hello".getBytes(StandardCharsets.US_ASCII), NpyLimits.DEFAULT, 3)
                .hasMessageContaining("not a .npz file");
        readFails(Npy.write(NpyArray.scalar(1.0)), NpyLimits.DEFAULT, 3).hasMessageContaining("not a .npz file");
    }

    @Test
    void badMemberNamesTheMember() throws Exception {
        byte[] zip = zip(Map.of("x.npy", "garbage".getBytes(StandardCharsets.US_ASCII)), 0);
        readFails(zip, NpyLimits.DEFAULT, 3).hasMessageContaining(".npz member 'x.npy': not a .npy file");
        byte[] shortData = zip(Map.of("x.npy", u1Header(10)), 5);
        readFails(shortData, NpyLimits.DEFAULT, 3)
                .hasMessageContaining(".npz member 'x.npy': truncated data: expected 10 bytes, got 5");
    }

    @Test
    void corruptDeflateStream() throws Exception {
        byte[] zip = zip(Map.of("x.npy", u1Header(100_000)), 100_000);
        for (int i = 60; i < 90; i++) {
            zip[i] ^= 0x5a;
        }
        readFails(zip, NpyLimits.DEFAULT, 3).hasMessageContaining("x.npy");
    }

    @Test
    void bombWhoseHeaderClaimsTooMuchFailsBeforeInflating() throws Exception {
        byte[] bomb = zip(Map.of("bomb.npy", u1Header(300_000_000)), 300_000_000);
        assertThat(bomb.length).isLessThan(1_000_000);
        long start = System.nanoTime();
        readFails(bomb, SMALL, 10).hasMessageContaining(
                ".npz member 'bomb.npy': data of 300000000 bytes (shape (300000000,), item size 1) exceeds the limit of 10000000 bytes");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
        // a claim beyond what one Java array can hold is refused even with the default limits
        readFails(zip(Map.of("bomb.npy", u1Header(3_000_000_000L)), 0), NpyLimits.DEFAULT, 10)
                .hasMessageContaining("has 3000000000 elements, more than the limit of 2147483639");
    }

    @Test
    void bombHiddenAfterAnHonestHeaderIsCaughtByTheTrailingDataCheck() throws Exception {
        byte[] bomb = zip(Map.of("bomb.npy", u1Header(1)), 300_000_000);
        long start = System.nanoTime();
        readFails(bomb, SMALL, 10).hasMessageContaining(".npz member 'bomb.npy' has trailing data after its 1 data bytes");
        assertThat(System.nanoTime() - start).isLessThan(1_000_000_000L);
    }

    @Test
    void totalDataAcrossMembersIsBounded() throws Exception {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            m.put("m" + i + ".npy", u1Header(4_000_000));
        }
        byte[] zip = zip(m, 4_000_000);
        readFails(zip, SMALL, 10).hasMessageContaining(
                ".npz member 'm2.npy' holds 4000000 data bytes, but only 2000000 of the limit of 10000000 bytes");
        assertThat(Npz.read(zip, SMALL.withMaxDataBytes(20_000_000), 10)).hasSize(5);
    }
}

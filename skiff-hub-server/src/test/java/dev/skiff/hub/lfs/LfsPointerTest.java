package dev.skiff.hub.lfs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LfsPointerTest {
    static final String OID = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";

    @Test
    void writesAndReadsTheCanonicalPointer() {
        LfsPointer p = new LfsPointer(OID, 12345);
        assertThat(p.text()).isEqualTo("version https://git-lfs.github.com/spec/v1\noid sha256:" + OID + "\nsize 12345\n");
        assertThat(p.pointerSize()).isEqualTo(p.bytes().length).isEqualTo(130);
        assertThat(LfsPointer.parse(p.bytes())).isEqualTo(p);
        assertThat(new LfsPointer(OID, 11534336).pointerSize()).isEqualTo(133);
    }

    @Test
    void acceptsExtensionsAndRejectsLookalikes() {
        String ext = "version https://git-lfs.github.com/spec/v1\next-0-foo sha256:" + "1".repeat(64) + "\noid sha256:" + OID
                + "\nsize 7\n";
        assertThat(LfsPointer.parse(ext.getBytes(StandardCharsets.US_ASCII))).isEqualTo(new LfsPointer(OID, 7));
        for (String bad : new String[] {
                "version https://git-lfs.github.com/spec/v1\noid sha256:" + OID + "\nsize 7",       // no final newline
                "version https://git-lfs.github.com/spec/v1\noid sha256:" + OID.toUpperCase() + "\nsize 7\n",
                "version https://git-lfs.github.com/spec/v1\noid sha1:" + OID + "\nsize 7\n",
                "version https://git-lfs.github.com/spec/v1\noid sha256:" + OID + "\nsize -7\n",
                "hello world, this is a regular file that is long enough to be looked at but is not a pointer at all......"}) {
            assertThat(LfsPointer.parse(bad.getBytes(StandardCharsets.US_ASCII))).as(bad).isNull();
        }
        assertThat(LfsPointer.parse(new byte[2000])).isNull();
        assertThatThrownBy(() -> new LfsPointer("abc", 1)).isInstanceOf(IllegalArgumentException.class);
    }
}

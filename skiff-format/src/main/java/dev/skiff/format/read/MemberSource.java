package dev.skiff.format.read;

import dev.skiff.format.SkopsFormatException;

import java.util.Set;

/** The members of a {@code .skops} archive, read by name with a byte bound. */
public interface MemberSource extends AutoCloseable {

    Set<String> names();

    /** The member's bytes; fails if it is missing or larger than {@code maxBytes} once decompressed. */
    byte[] read(String name, long maxBytes) throws SkopsFormatException;

    @Override
    void close() throws SkopsFormatException;
}

package dev.skiff.card.yaml;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Python's {@code datetime.isoformat(' ')} for the timestamp types the loader makes. */
public final class PyTime {
    private PyTime() {
    }

    /** {@code 2024-01-02 10:00:00}, with {@code .ffffff} when there are microseconds. */
    public static String isoformat(LocalDateTime t) {
        StringBuilder sb = new StringBuilder();
        sb.append(t.toLocalDate()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int micros = t.getNano() / 1000;
        if (micros != 0) {
            sb.append('.').append(String.format("%06d", micros));
        }
        return sb.toString();
    }

    /** As {@link #isoformat(LocalDateTime)} followed by the offset, {@code +00:00} for UTC. */
    public static String isoformat(OffsetDateTime t) {
        StringBuilder sb = new StringBuilder(isoformat(t.toLocalDateTime()));
        ZoneOffset off = t.getOffset();
        int total = off.getTotalSeconds();
        sb.append(total < 0 ? '-' : '+');
        total = Math.abs(total);
        two(sb, total / 3600).append(':');
        two(sb, (total / 60) % 60);
        if (total % 60 != 0) {
            sb.append(':');
            two(sb, total % 60);
        }
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }
}

package dev.skiff.client.http;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When and how often to retry, as {@code huggingface_hub.utils.http_backoff}: up to {@code maxRetries} retries after
 * the first try, waiting {@code base}, then twice as long each time, never more than {@code max} (1, 2, 4, 8, 8 s by
 * default). A {@code 429} whose {@code RateLimit} header says nothing is left ({@code r=0;t=N}), or any answer with
 * {@code Retry-After: N}, waits N + 1 s instead.
 *
 * @param maxRetries retries after the first try
 * @param base       the first wait
 * @param max        the longest wait
 */
public record Backoff(int maxRetries, Duration base, Duration max) {
    /** The statuses worth retrying: request timeout, too many requests, and the server errors a restart cures. */
    public static final Set<Integer> RETRY_STATUSES = Set.of(408, 429, 500, 502, 503, 504);

    /** Python's defaults: 5 retries, 1 s doubling up to 8 s. */
    public static Backoff defaults() {
        return new Backoff(5, Duration.ofSeconds(1), Duration.ofSeconds(8));
    }

    /** No retries at all. */
    public static Backoff none() {
        return new Backoff(0, Duration.ZERO, Duration.ZERO);
    }

    /** The wait before retry number {@code retry} (1 is the first retry). */
    public Duration delay(int retry) {
        Duration d = base;
        for (int i = 1; i < retry && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }

    /** The wait before retry {@code retry} when the server named one ({@code serverSeconds}, null if it did not). */
    public Duration delay(int retry, Long serverSeconds) {
        return serverSeconds != null ? Duration.ofSeconds(serverSeconds + 1) : delay(retry);
    }

    /** Every wait of a full run of retries, in order. */
    public List<Duration> schedule() {
        List<Duration> out = new ArrayList<>();
        for (int i = 1; i <= maxRetries; i++) {
            out.add(delay(i));
        }
        return out;
    }

    /** Sleeps; tests may replace it to record the waits instead. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;

        /** {@link Thread#sleep(Duration)}. */
        Sleeper REAL = Thread::sleep;
    }
}

package dev.skiff.format.audit;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which types a file may contain: skops' default allowlists (per node kind, exactly as Python
 * skops applies them) plus the names a caller chose to trust after reviewing them. There is no "trust
 * everything" switch.
 */
public final class TrustPolicy {
    private static final TrustPolicy DEFAULT = new TrustPolicy(Set.of());

    private final Set<String> extra;

    private TrustPolicy(Set<String> extra) {
        this.extra = extra;
    }

    /** Only skops' defaults. */
    public static TrustPolicy defaults() {
        return DEFAULT;
    }

    /** The defaults plus these fully qualified names ({@code module.Class}, {@code module.func}, {@code module.Class.method}). */
    public static TrustPolicy trusting(Collection<String> names) {
        for (String n : names) {
            if (n == null || n.isBlank()) {
                throw new IllegalArgumentException("a trusted type name must not be empty");
            }
        }
        return new TrustPolicy(Set.copyOf(new TreeSet<>(names)));
    }

    public static TrustPolicy trusting(String... names) {
        return trusting(List.of(names));
    }

    /** The names the caller added, sorted. */
    public Set<String> extra() {
        return new TreeSet<>(extra);
    }

    /** True if {@code name} is trusted for a node of kind {@code kind} (its loader name). */
    public boolean trusts(String kind, String name) {
        return extra.contains(name) || DefaultTrust.forKind(kind).contains(name);
    }

    /** True if the caller explicitly trusted {@code name}. */
    public boolean trustedByCaller(String name) {
        return extra.contains(name);
    }
}

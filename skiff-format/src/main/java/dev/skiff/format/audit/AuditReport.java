package dev.skiff.format.audit;

import java.util.List;

/** The result of an audit: every untrusted type with its paths, sorted by type name like Python's list. */
public record AuditReport(List<UntrustedType> untrusted) {
    public AuditReport {
        untrusted = List.copyOf(untrusted);
    }

    public boolean isTrusted() {
        return untrusted.isEmpty();
    }

    /** The sorted names alone: what Python's {@code skops.io.get_untrusted_types} returns. */
    public List<String> typeNames() {
        return untrusted.stream().map(UntrustedType::type).toList();
    }
}

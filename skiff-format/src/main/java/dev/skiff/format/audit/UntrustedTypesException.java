package dev.skiff.format.audit;

import java.util.stream.Collectors;

/** Loading was refused: the file holds types that are neither trusted by default nor by the caller. */
public final class UntrustedTypesException extends Exception {
    private final AuditReport report;

    public UntrustedTypesException(AuditReport report) {
        super("Untrusted types found in the file: " + report.untrusted().stream()
                .map(u -> u.type() + " (at " + String.join(", ", u.paths().subList(0, Math.min(3, u.paths().size())))
                        + (u.paths().size() > 3 ? ", ..." : "") + ")")
                .collect(Collectors.joining("; "))
                + ". Review them, then pass the ones you trust explicitly.");
        this.report = report;
    }

    public AuditReport report() {
        return report;
    }
}

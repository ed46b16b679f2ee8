package dev.skiff.format;

import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.format.node.Node;

/**
 * A {@code .skops} tree that passed the audit under a trust policy. Only {@link Skops#load} makes one,
 * so code that builds objects from a tree (the runtime) can demand this type and never see an unaudited tree.
 */
public final class TrustedSkops {
    private final SkopsFile file;
    private final TrustPolicy policy;
    private final AuditReport defaultAudit;

    TrustedSkops(SkopsFile file, TrustPolicy policy, AuditReport defaultAudit) {
        this.file = file;
        this.policy = policy;
        this.defaultAudit = defaultAudit;
    }

    public Node root() {
        return file.root();
    }

    public SkopsFile file() {
        return file;
    }

    public TrustPolicy policy() {
        return policy;
    }

    /** What the audit found with skops' defaults alone; all of it was trusted by the caller. */
    public AuditReport trustedByCaller() {
        return defaultAudit;
    }
}

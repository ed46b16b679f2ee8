package dev.skiff.format.inspect;

import dev.skiff.format.SkopsFile;
import dev.skiff.format.audit.AuditReport;
import dev.skiff.format.audit.UntrustedType;
import dev.skiff.format.json.PyJsonWriter;

/**
 * The machine-readable inspection: {@code {"untrusted": [{"type", "paths"}], "tree": {...}}} plus the
 * protocol and writer version.
 */
public final class TreeJson {
    private TreeJson() {
    }

    public static String render(SkopsFile file, AuditReport report, InspectNode tree) {
        StringBuilder sb = new StringBuilder();
        PyJsonWriter w = new PyJsonWriter(sb);
        w.beginObject();
        w.key("protocol").number(file.protocol());
        w.key("skops_version");
        if (file.skopsVersion() == null) {
            w.nul();
        } else {
            w.string(file.skopsVersion());
        }
        w.key("untrusted").beginArray();
        for (UntrustedType u : report.untrusted()) {
            w.beginObject().key("type").string(u.type()).key("paths").beginArray();
            u.paths().forEach(w::string);
            w.endArray().endObject();
        }
        w.endArray();
        w.key("tree");
        node(w, tree);
        w.endObject();
        return sb.append('\n').toString();
    }

    private static void node(PyJsonWriter w, InspectNode n) {
        w.beginObject();
        w.key("label").string(n.label());
        w.key("path").string(n.path());
        w.key("summary").string(n.summary());
        w.key("loader").string(n.loader());
        w.key("untrusted").beginArray();
        n.untrusted().forEach(w::string);
        w.endArray();
        if (n.sameAs() != null) {
            w.key("same_as").string(n.sameAs());
        }
        w.key("children").beginArray();
        n.children().forEach(c -> node(w, c));
        w.endArray();
        w.endObject();
    }
}

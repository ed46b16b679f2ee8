package dev.skiff.format.node;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code numpy.random.Generator}: the bit generator's state dict and (protocol 2) its seed sequence
 * state, which is null in files of protocol 1 and older. {@code bitGeneratorName} (e.g. {@code PCG64})
 * is the class Python will instantiate, so the audit judges it too.
 */
public record RandomGeneratorNode(String className, String module, long id, Node bitGenerator, Node seedSeq,
                                  String bitGeneratorName) implements Node {

    @Override
    public String loader() {
        return "RandomGeneratorNode";
    }

    @Override
    public List<Child> children() {
        List<Child> out = new ArrayList<>(2);
        out.add(new Child(".bit_generator", bitGenerator));
        if (seedSeq != null) {
            out.add(new Child(".seed_seq", seedSeq));
        }
        return out;
    }
}

package dev.skiff.card.yaml;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SnakeYAML's safe constructor with PyYAML's differences: timestamps become {@link LocalDate} (date only),
 * {@link LocalDateTime} (no zone) or {@link OffsetDateTime}, with PyYAML's microsecond precision; a mapping or sequence
 * used as a key is refused as PyYAML refuses it ("found unhashable key").
 */
final class PyYamlConstructor extends SafeConstructor {
    private static final Pattern TIMESTAMP = Pattern.compile(
            "^([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?)"
                    + "(?:(?:[Tt]|[ \\t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9])(?:\\.([0-9]*))?"
                    + "(?:[ \\t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?$", Pattern.UNIX_LINES);

    PyYamlConstructor(LoaderOptions options) {
        super(options);
        yamlConstructors.put(Tag.TIMESTAMP, new ConstructTimestamp());
    }

    /**
     * PyYAML keeps every key in document order and lets a later duplicate replace the value only (a dict assignment),
     * so the first occurrence keeps its place. SnakeYAML would drop the earlier one; here nothing is dropped and the
     * insertion into a {@link java.util.LinkedHashMap} does the rest.
     */
    @Override
    protected void processDuplicateKeys(MappingNode node, boolean forceStringKeys) {
        // intentionally empty: see above
    }

    @Override
    protected void processDuplicateKeys(MappingNode node) {
        // intentionally empty: see above
    }

    /**
     * PyYAML's {@code flatten_mapping}: the entries of merged mappings ({@code <<}) go first, in PyYAML's order (of a
     * list of mappings, the last one's entries first), then the mapping's own entries, so that later ones win.
     */
    @Override
    protected void flattenMapping(MappingNode node) {
        flatten(node);
    }

    @Override
    protected void flattenMapping(MappingNode node, boolean forceStringKeys) {
        flatten(node);
    }

    private void flatten(MappingNode node) {
        List<NodeTuple> merge = new ArrayList<>();
        List<NodeTuple> own = new ArrayList<>();
        for (NodeTuple t : node.getValue()) {
            Node key = t.getKeyNode();
            Node value = t.getValueNode();
            if (key.getTag().equals(Tag.MERGE)) {
                if (value instanceof MappingNode m) {
                    flatten(m);
                    merge.addAll(m.getValue());
                } else if (value instanceof SequenceNode seq) {
                    List<List<NodeTuple>> sub = new ArrayList<>();
                    for (Node n : seq.getValue()) {
                        if (!(n instanceof MappingNode m)) {
                            throw new Problem("while constructing a mapping", node.getStartMark(),
                                    "expected a mapping for merging, but found " + n.getNodeId(), n.getStartMark());
                        }
                        flatten(m);
                        sub.add(m.getValue());
                    }
                    for (int i = sub.size() - 1; i >= 0; i--) {
                        merge.addAll(sub.get(i));
                    }
                } else {
                    throw new Problem("while constructing a mapping", node.getStartMark(),
                            "expected a mapping or list of mappings for merging, but found " + value.getNodeId(),
                            value.getStartMark());
                }
            } else {
                if (key.getTag().getValue().equals("tag:yaml.org,2002:value")) {
                    key.setTag(Tag.STR);
                }
                own.add(t);
            }
        }
        if (!merge.isEmpty()) {
            merge.addAll(own);
            node.setValue(merge);
        }
    }

    @Override
    protected void constructMapping2ndStep(MappingNode node, java.util.Map<Object, Object> mapping) {
        for (NodeTuple t : node.getValue()) {
            Node key = t.getKeyNode();
            if (key instanceof MappingNode || key instanceof SequenceNode) {
                throw new Problem("while constructing a mapping", node.getStartMark(),
                        "found unhashable key", key.getStartMark());
            }
        }
        super.constructMapping2ndStep(node, mapping);
    }

    /** PyYAML's {@code construct_yaml_timestamp}. */
    private final class ConstructTimestamp extends AbstractConstruct {
        @Override
        public Object construct(Node node) {
            String value = ((ScalarNode) node).getValue();
            Matcher m = TIMESTAMP.matcher(value);
            if (!m.matches()) {
                throw new Problem(null, null, "not a timestamp: " + value, node.getStartMark());
            }
            try {
                int year = Integer.parseInt(m.group(1));
                int month = Integer.parseInt(m.group(2));
                int day = Integer.parseInt(m.group(3));
                if (m.group(4) == null) {
                    return LocalDate.of(year, month, day);
                }
                int micros = 0;
                String fraction = m.group(7);
                if (fraction != null && !fraction.isEmpty()) {
                    String f = fraction.length() > 6 ? fraction.substring(0, 6) : fraction;
                    micros = Integer.parseInt((f + "000000").substring(0, 6));
                }
                LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(m.group(4)),
                        Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)), micros * 1000);
                if (m.group(9) != null) {
                    int hours = Integer.parseInt(m.group(10));
                    int minutes = m.group(11) == null ? 0 : Integer.parseInt(m.group(11));
                    int sign = m.group(9).equals("-") ? -1 : 1;
                    return OffsetDateTime.of(local, ZoneOffset.ofTotalSeconds(sign * (hours * 3600 + minutes * 60)));
                }
                if (m.group(8) != null) {
                    return OffsetDateTime.of(local, ZoneOffset.UTC);
                }
                return local;
            } catch (DateTimeException | NumberFormatException e) {
                throw new Problem(null, null, "invalid timestamp " + value + ": " + e.getMessage(),
                        node.getStartMark());
            }
        }
    }

    /** A construction problem with its place in the text. */
    static final class Problem extends MarkedYAMLException {
        Problem(String context, Mark contextMark, String problem, Mark problemMark) {
            super(context, contextMark, problem, problemMark);
        }
    }
}

package dev.skiff.card.content;

import dev.skiff.card.CardException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as named columns of equal length, in order (skops takes a {@code dict} of column name to values). Cells are
 * any values; they are written with Python's {@code str()} ({@code 1.0}, {@code True}, {@code None}).
 */
public final class TableData {
    /** One column: its header and its cells. */
    public record Column(String name, List<Object> values) {
        public Column {
            values = Collections.unmodifiableList(new ArrayList<>(values));
        }
    }

    private final List<Column> columns;

    private TableData(List<Column> columns) {
        if (columns.isEmpty()) {
            throw new CardException("Trying to add table with no columns");
        }
        int rows = columns.getFirst().values().size();
        for (Column c : columns) {
            if (c.values().size() != rows) {
                throw new CardException("table column '" + c.name() + "' has " + c.values().size()
                        + " values but column '" + columns.getFirst().name() + "' has " + rows);
            }
        }
        this.columns = List.copyOf(columns);
    }

    /** A table from column name to values, in the map's order. */
    public static TableData of(Map<String, ? extends Collection<?>> columns) {
        Builder b = builder();
        columns.forEach(b::column);
        return b.build();
    }

    /** Columns are added one by one. */
    public static Builder builder() {
        return new Builder();
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowCount() {
        return columns.getFirst().values().size();
    }

    /** The table as column name → values (a copy, in order). */
    public Map<String, List<Object>> asMap() {
        Map<String, List<Object>> m = new LinkedHashMap<>();
        for (Column c : columns) {
            m.put(c.name(), c.values());
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableData t && t.columns.equals(columns);
    }

    @Override
    public int hashCode() {
        return columns.hashCode();
    }

    @Override
    public String toString() {
        return "TableData(" + rowCount() + "x" + columns.size() + ")";
    }

    /** Builds a {@link TableData}. */
    public static final class Builder {
        private final List<Column> columns = new ArrayList<>();

        private Builder() {
        }

        /** Adds a column (a repeated name is refused, as PrettyTable refuses it). */
        public Builder column(String name, Collection<?> values) {
            for (Column c : columns) {
                if (c.name().equals(name)) {
                    throw new CardException("table has two columns named '" + name + "'");
                }
            }
            columns.add(new Column(name, new ArrayList<>(values)));
            return this;
        }

        public TableData build() {
            return new TableData(columns);
        }
    }
}

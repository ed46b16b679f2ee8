package dev.skiff.format.node;

import dev.skiff.format.json.Json;

import java.util.List;

/** A {@code slice(start, stop, step)} whose three values are raw JSON, not nodes ({@code SliceNode}). */
public record SliceNode(String className, String module, long id, Json start, Json stop, Json step)
        implements Node {

    @Override
    public String loader() {
        return "SliceNode";
    }

    @Override
    public List<Child> children() {
        return List.of();
    }
}

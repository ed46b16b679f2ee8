package dev.skiff.client.folder;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** How the model file is stored, as {@code config.json}'s {@code sklearn.model_format} names it. */
public enum ModelFormat {
    /** A {@code .skops} zip: audited before anything is built from it. */
    SKOPS("skops"),
    /** A pickle or joblib file: executing code on load, so Skiff never makes a folder from one. */
    PICKLE("pickle");

    private final String id;

    ModelFormat(String id) {
        this.id = id;
    }

    /** {@code skops} or {@code pickle}. */
    public String id() {
        return id;
    }

    /**
     * The format of a model file, as skops' {@code model_format="auto"} chose it (by extension: {@code .skops};
     * {@code .pkl}, {@code .pickle}, {@code .joblib}), and for any other name by its first bytes (a zip is a skops
     * file).
     */
    public static ModelFormat detect(Path model) throws IOException {
        String name = model.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".skops")) {
            return SKOPS;
        }
        if (name.endsWith(".pkl") || name.endsWith(".pickle") || name.endsWith(".joblib")) {
            return PICKLE;
        }
        byte[] head = new byte[4];
        int n;
        try (InputStream in = Files.newInputStream(model)) {
            n = in.readNBytes(head, 0, 4);
        }
        if (n == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return SKOPS;
        }
        throw new RepoFolderException("cannot tell the format of " + model.getFileName()
                + ": name it *.skops, or pass the model format explicitly");
    }

    /** The format with this name ({@code skops}, {@code pickle}, or {@code auto} for null). */
    public static ModelFormat parse(String id) {
        for (ModelFormat f : values()) {
            if (f.id.equalsIgnoreCase(id == null ? "" : id.strip())) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown model format \"" + id + "\"; use skops or pickle");
    }

    @Override
    public String toString() {
        return id;
    }
}

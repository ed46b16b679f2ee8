package dev.skiff.hub.repo;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The {@code .gitattributes} the Hub puts in the first commit of every repository: the file patterns stored with
 * Git LFS. Datasets add media and packed-dataset formats to the model list; spaces use the model list.
 */
public final class DefaultGitAttributes {
    /** Hugging Face's default LFS patterns for model (and space) repositories, in its order. */
    public static final List<String> MODEL_PATTERNS = List.of(
            "*.7z", "*.arrow", "*.bin", "*.bz2", "*.ckpt", "*.ftz", "*.gz", "*.h5", "*.joblib", "*.lfs.*",
            "*.mlmodel", "*.model", "*.msgpack", "*.npy", "*.npz", "*.onnx", "*.ot", "*.parquet", "*.pb",
            "*.pickle", "*.pkl", "*.pt", "*.pth", "*.rar", "*.safetensors", "saved_model/**/*", "*.tar.*", "*.tar",
            "*.tflite", "*.tgz", "*.wasm", "*.xz", "*.zip", "*.zst", "*tfevents*");

    /** What dataset repositories track on top of {@link #MODEL_PATTERNS}. */
    public static final List<String> DATASET_EXTRA_PATTERNS = List.of(
            "*.lz4", "*.mds",
            "*.pcm", "*.sam", "*.raw", "*.aac", "*.flac", "*.mp3", "*.ogg", "*.wav",
            "*.bmp", "*.gif", "*.png", "*.tiff", "*.jpg", "*.jpeg", "*.webp",
            "*.mp4", "*.webm");

    private DefaultGitAttributes() {
    }

    public static List<String> patterns(String type) {
        return RepoType.parse(type) == RepoType.DATASET
                ? Stream.concat(MODEL_PATTERNS.stream(), DATASET_EXTRA_PATTERNS.stream()).toList()
                : MODEL_PATTERNS;
    }

    /** The file's text: one {@code <pattern> filter=lfs diff=lfs merge=lfs -text} line per pattern. */
    public static String content(String type) {
        return patterns(type).stream().map(p -> p + " filter=lfs diff=lfs merge=lfs -text\n").collect(Collectors.joining());
    }
}

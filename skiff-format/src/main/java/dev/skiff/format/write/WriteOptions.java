package dev.skiff.format.write;

/**
 * How to write a {@code .skops} file.
 *
 * @param compress     deflate the members (Python's {@code compression=ZIP_DEFLATED}) instead of storing them
 * @param level        deflate level 0-9 when compressing
 * @param skopsVersion the informational {@code _skops_version} string
 */
public record WriteOptions(boolean compress, int level, String skopsVersion) {
    public static final String VERSION = "0.16.0+skiff";
    public static final WriteOptions STORED = new WriteOptions(false, 0, VERSION);
    public static final WriteOptions DEFLATED = new WriteOptions(true, 9, VERSION);

    public WriteOptions {
        if (level < 0 || level > 9) {
            throw new IllegalArgumentException("deflate level must be 0-9, got " + level);
        }
    }
}

package dev.skiff.format.read;

/**
 * How many bytes one allocation may take without risking an {@link OutOfMemoryError}: a hostile file
 * that claims a huge array gets a clear error instead of taking the JVM down.
 */
public final class HeapBudget {
    private HeapBudget() {
    }

    /** Half of the heap that is not in use; uncollected garbage counts as used, so a refusal is re-checked after a GC. */
    public static long available() {
        return free();
    }

    /** True if {@code bytes} fit; collects garbage once before saying no, so a busy heap never refuses a valid file. */
    public static boolean fits(long bytes) {
        if (bytes <= free()) {
            return true;
        }
        System.gc();
        return bytes <= free();
    }

    private static long free() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return Math.max(0, (rt.maxMemory() - used) / 2);
    }
}

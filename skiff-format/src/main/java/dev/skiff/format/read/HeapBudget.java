package dev.skiff.format.read;

/**
 * How many bytes one allocation may take without risking an {@link OutOfMemoryError}: a hostile file
 * that claims a huge array gets a clear error instead of taking the JVM down.
 */
public final class HeapBudget {
    private HeapBudget() {
    }

    /** Half of the heap that is not in use right now. */
    public static long available() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return Math.max(0, (rt.maxMemory() - used) / 2);
    }
}

package dev.skiff.card.yaml;

/** Lets tests in other packages use the Python-view equality of {@link PyYamlParityTest}. */
public final class PyYamlParityTestAccess {
    private PyYamlParityTestAccess() {
    }

    public static boolean deepEquals(Object a, Object b) {
        return PyYamlParityTest.deepEquals(a, b);
    }
}

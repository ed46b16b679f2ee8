package dev.skiff.client.folder;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The {@code environment} list of {@code config.json}: conda-style package specs ({@code scikit-learn=1.9.1}) that the
 * Hub's scikit-learn image installed. Skiff pins scikit-learn and skops to the versions the model file records.
 */
final class Requirements {
    private Requirements() {
    }

    /** {@code scikit-learn=<version that fitted the model>} and {@code skops=<version that wrote the file>}. */
    static List<String> forModel(ModelFacts facts) {
        List<String> out = new ArrayList<>();
        out.add(facts.sklearnVersion() == null ? "scikit-learn" : "scikit-learn=" + facts.sklearnVersion());
        out.add(facts.skopsVersion() == null ? "skops" : "skops=" + facts.skopsVersion());
        return out;
    }

    /** {@code base}, each entry replaced by an entry of {@code extra} for the same package, then the other extras. */
    static List<String> merge(List<String> base, List<String> extra) {
        List<String> out = new ArrayList<>(base);
        for (String e : extra) {
            String spec = e.strip();
            if (spec.isEmpty()) {
                throw new IllegalArgumentException("empty requirement");
            }
            if (spec.chars().anyMatch(c -> c < 0x20)) {
                throw new IllegalArgumentException("a requirement must be one line: " + spec.lines().findFirst().orElse(""));
            }
            String name = name(spec);
            int at = -1;
            for (int i = 0; i < out.size() && at < 0; i++) {
                if (name(out.get(i)).equals(name)) {
                    at = i;
                }
            }
            if (at >= 0) {
                out.set(at, spec);
            } else {
                out.add(spec);
            }
        }
        return out;
    }

    /** The package a spec names, normalised like pip and conda compare names ({@code Scikit_Learn} = {@code scikit-learn}). */
    static String name(String spec) {
        int end = 0;
        while (end < spec.length() && "=<>!~[ ;@".indexOf(spec.charAt(end)) < 0) {
            end++;
        }
        return spec.substring(0, end).toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-');
    }
}

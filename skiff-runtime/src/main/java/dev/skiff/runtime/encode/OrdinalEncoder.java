package dev.skiff.runtime.encode;

import dev.skiff.runtime.ModelBuildException;
import dev.skiff.runtime.build.Attrs;
import dev.skiff.runtime.build.BuildContext;
import dev.skiff.runtime.data.Data;
import dev.skiff.runtime.estimator.Estimator;

/**
 * {@code sklearn.preprocessing.OrdinalEncoder}: each feature's category index, with infrequent categories
 * grouped into one code, a trailing NaN category written as {@code encoded_missing_value} and unknown
 * values either rejected or written as {@code unknown_value} ({@code handle_unknown='use_encoded_value'}).
 */
public final class OrdinalEncoder extends BaseEncoder {
    public static final String CLASS = "sklearn.preprocessing._encoders.OrdinalEncoder";

    private final int[] missingIndex; // per feature, the index of a trailing NaN category or -1
    private final double encodedMissing;
    private final double unknownValue;
    private final boolean useEncodedValue;

    private OrdinalEncoder(Attrs a) throws ModelBuildException {
        super(a);
        int m = categories.size();
        missingIndex = new int[m];
        for (int i = 0; i < m; i++) {
            missingIndex[i] = categories.get(i).trailingNaN();
        }
        encodedMissing = a.isNone("encoded_missing_value") ? Double.NaN : a.number("encoded_missing_value");
        useEncodedValue = handleUnknown.equals("use_encoded_value");
        if (!useEncodedValue && !handleUnknown.equals("error")) {
            throw a.error("handle_unknown", "is '" + handleUnknown + "', expected 'error' or 'use_encoded_value'");
        }
        unknownValue = !useEncodedValue || a.isNone("unknown_value") ? Double.NaN : a.number("unknown_value");
    }

    static Estimator build(Attrs a, BuildContext ctx) throws ModelBuildException {
        return new OrdinalEncoder(a);
    }

    @Override
    public Data transform(Data x) {
        Encoded e = encode(x, !useEncodedValue, missingIndex);
        int n = e.rows();
        int m = e.cols();
        int[] codes = e.codes();
        boolean[] mask = e.mask();
        double[] out = new double[codes.length];
        for (int k = 0; k < codes.length; k++) {
            out[k] = codes[k];
        }
        for (int j = 0; j < m; j++) {
            if (missingIndex[j] < 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                if (codes[i * m + j] == missingIndex[j]) {
                    out[i * m + j] = encodedMissing;
                }
            }
        }
        if (useEncodedValue) {
            for (int k = 0; k < codes.length; k++) {
                if (!mask[k]) {
                    out[k] = unknownValue;
                }
            }
        }
        return output(out, n, m);
    }
}

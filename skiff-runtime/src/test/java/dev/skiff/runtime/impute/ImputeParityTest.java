package dev.skiff.runtime.impute;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.StringColumn;
import dev.skiff.runtime.encode.CategoricalCases;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImputeParityTest {
    @TempDir
    Path dir;

    /** Numeric imputation: a float matrix out, whatever the input's text/number typing. */
    @TestFactory
    Stream<DynamicTest> numericImputer() throws Exception {
        return CategoricalCases.run(dir, """
                from sklearn.impute import SimpleImputer as SI
                num = dtr[["x", "y", "code"]]
                numte = dte[["x", "y", "code"]]
                save("imp_mean", SI().fit(num), numte)
                save("imp_median", SI(strategy="median").fit(num), numte)
                save("imp_most_frequent_num", SI(strategy="most_frequent").fit(num), numte)
                save("imp_constant_num", SI(strategy="constant", fill_value=-7.5).fit(num), numte)
                save("imp_constant_default_num", SI(strategy="constant").fit(num), numte)
                save("imp_mean_indicator", SI(add_indicator=True).fit(num), numte)
                save("imp_median_indicator", SI(strategy="median", add_indicator=True).fit(num), numte)
                ky = dtr[["k", "y"]]
                save("imp_custom_missing_mean", SI(missing_values=-1, strategy="mean").fit(ky), dte[["k", "y"]])
                save("imp_custom_missing_indicator", SI(missing_values=-1, add_indicator=True).fit(ky), dte[["k", "y"]])
                empty = dtr[["x", "y"]].assign(e=np.nan)
                save("imp_empty_dropped", SI().fit(empty), empty)
                save("imp_empty_dropped_indicator", SI(add_indicator=True).fit(empty), empty)
                save("imp_empty_kept", SI(keep_empty_features=True).fit(empty), empty)
                save("imp_empty_kept_median", SI(strategy="median", keep_empty_features=True).fit(empty), empty)
                save("imp_empty_kept_most_frequent", SI(strategy="most_frequent", keep_empty_features=True).fit(empty), empty)
                save("imp_empty_constant", SI(strategy="constant", fill_value=3).fit(empty), empty)
                Xn = np.where(rng.rand(40, 3) < .2, np.nan, rng.normal(size=(40, 3)))
                save("imp_numpy", SI().fit(Xn), Xn)
                save("imp_numpy_indicator_all", SI(add_indicator=True).fit(Xn[:, :2]), Xn[:, :2])
                """, true);
    }

    @TestFactory
    Stream<DynamicTest> integerAndStringImputer() throws Exception {
        return CategoricalCases.run(dir, """
                from sklearn.impute import SimpleImputer as SI
                ints = dtr[["k", "code"]]
                save("imp_int_most_frequent", SI(missing_values=-1, strategy="most_frequent").fit(ints), dte[["k", "code"]])
                save("imp_int_constant", SI(missing_values=-1, strategy="constant", fill_value=0).fit(ints), dte[["k", "code"]])
                save("imp_int_indicator", SI(missing_values=-1, strategy="most_frequent", add_indicator=True).fit(ints), dte[["k", "code"]])
                # object None is not NaN for scikit-learn's mask, but a CSV cannot tell them apart: use str columns (NaN)
                s = dtr[["color", "size", "obj"]].astype({"obj": "str"})
                ste = dte[["color", "size", "obj"]].astype({"obj": "str"})
                save("imp_str_most_frequent", SI(strategy="most_frequent").fit(s), ste)
                save("imp_str_constant", SI(strategy="constant", fill_value="unk").fit(s), ste)
                save("imp_str_constant_default", SI(strategy="constant").fit(s), ste)
                q = dtr[["size", "flag"]].astype(object).where(rng.rand(80, 2) > .2, "?")
                save("imp_str_custom_missing", SI(missing_values="?", strategy="most_frequent").fit(q), q)
                mixed = dtr[["color", "x", "code"]]
                save("imp_mixed_most_frequent", SI(strategy="most_frequent").fit(mixed), dte[["color", "x", "code"]])
                save("imp_mixed_constant", SI(strategy="constant", fill_value="none").fit(dtr[["color", "size"]]), dte[["color", "size"]])
                """, false);
    }

    @TestFactory
    Stream<DynamicTest> missingIndicator() throws Exception {
        return CategoricalCases.run(dir, """
                from sklearn.impute import MissingIndicator as MI
                num = dtr[["x", "y", "code"]]
                save("mi_missing_only", MI().fit(num), num)
                save("mi_all", MI(features="all").fit(num), num)
                save("mi_custom", MI(missing_values=-1).fit(dtr[["k", "code"]]), dtr[["k", "code"]])
                save("mi_str", MI().fit(dtr[["color", "size", "x"]]), dtr[["color", "size", "x"]])
                save("mi_str_all", MI(features="all", error_on_new=False).fit(dtr[["color", "size"]]), dte[["color", "size"]])
                q = dtr[["size", "flag"]].astype(object).where(rng.rand(80, 2) > .2, "?")
                save("mi_str_custom", MI(missing_values="?").fit(q), q)
                Xn = np.where(rng.rand(40, 3) < .2, np.nan, rng.normal(size=(40, 3)))
                save("mi_numpy", MI().fit(Xn), Xn)
                """, true);
    }

    @Test
    void nonNumericTextInANumericColumnIsNamed() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, CategoricalCases.DATA + """
                from sklearn.impute import SimpleImputer as SI
                save("imp", SI().fit(dtr[["x", "y"]]), dtr[["x", "y"]])
                """);
        Model m = Models.load(cases.get(0).model(), TrustPolicy.trusting(cases.get(0).untrusted()));
        Frame bad = Frame.of(List.of("x", "y"), List.of(new StringColumn(new String[]{"1.5", null}),
                new StringColumn(new String[]{"2", "abc"})));
        assertThatThrownBy(() -> m.transform(bad))
                .isInstanceOf(ModelInputException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("column \"y\"")
                .hasMessageContaining("\"abc\" is not a number");
    }
}

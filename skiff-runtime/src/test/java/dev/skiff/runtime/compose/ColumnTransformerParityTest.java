package dev.skiff.runtime.compose;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.encode.CategoricalCases;
import dev.skiff.runtime.testing.Parity;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnTransformerParityTest {
    static final String IMPORTS = """
            from sklearn.compose import ColumnTransformer as CT, make_column_selector as sel, make_column_transformer
            from sklearn.preprocessing import OneHotEncoder as OHE, OrdinalEncoder as OE, StandardScaler as SS
            from sklearn.impute import SimpleImputer as SI, MissingIndicator as MI
            from sklearn.pipeline import Pipeline, make_pipeline, FeatureUnion
            """;

    @TempDir
    Path dir;

    /**
     * Numeric output: also checked with every input value sent as text, except where raw columns pass through
     * (text passes through as text, as in scikit-learn).
     */
    @TestFactory
    Stream<DynamicTest> numericOutput() throws Exception {
        return CategoricalCases.run(dir, IMPORTS + """
                ohe = lambda: OHE(handle_unknown="ignore")
                save("ct_names", CT([("ohe", ohe(), ["color", "size"]), ("sc", SS(), ["x", "y"])]).fit(dtr), dte)
                save("ct_indices", CT([("ohe", ohe(), [0, 1, 2]), ("sc", SS(), [6, 7])]).fit(dtr), dte)
                save("ct_negative_indices", CT([("sc", SS(), [-3, -2]), ("ohe", ohe(), [1])]).fit(dtr), dte)
                mask = [c in ("color", "obj") for c in dtr.columns]
                save("ct_bool_mask", CT([("ohe", ohe(), mask), ("sc", SS(), ~np.array(mask) & (dtr.dtypes == float).to_numpy())]).fit(dtr), dte)
                save("ct_slices", CT([("sc", SS(), slice(6, 8)), ("ohe", ohe(), slice(0, 2))]).fit(dtr), dte)
                save("ct_label_slice", CT([("sc", SS(), slice("x", "y")), ("ohe", ohe(), slice("color", "code"))]).fit(dtr), dte)
                save("ct_selector", CT([("ohe", ohe(), sel(dtype_exclude="number")), ("sc", SS(), sel(dtype_include="number"))]).fit(dtr), dte)
                save("ct_selector_pattern", CT([("sc", SS(), sel(pattern="^[xy]$")), ("ohe", ohe(), sel(pattern="^(size|flag)$"))]).fit(dtr), dte)
                save("ct_remainder_drop", CT([("ohe", ohe(), ["color", "size"])], remainder="drop").fit(dtr), dte)
                save("ct_remainder_scaler", CT([("ohe", ohe(), ["color", "size"])], remainder=SS()).fit(dtr[["color", "size", "x", "y"]]), dte[["color", "size", "x", "y"]])
                save("ct_remainder_passthrough_num", CT([("ohe", ohe(), ["size"])], remainder="passthrough").fit(dtr[["size", "x", "k"]]), dte[["size", "x", "k"]])
                save("ct_passthrough", CT([("ohe", ohe(), ["size"]), ("p", "passthrough", ["y", "x"])]).fit(dtr), dte)
                save("ct_drop", CT([("d", "drop", ["color"]), ("sc", SS(), ["x"]), ("ohe", ohe(), ["flag"])]).fit(dtr), dte)
                save("ct_empty_selection", CT([("ohe", OHE(), sel(dtype_include="category")), ("sc", SS(), ["x", "y"])]).fit(dtr), dte)
                save("ct_nested_pipeline", CT([
                    ("cat", Pipeline([("imp", SI(strategy="most_frequent")), ("ohe", ohe())]), ["color", "size", "digits"]),
                    ("num", Pipeline([("imp", SI(add_indicator=True)), ("sc", SS())]), ["x", "y"])]).fit(dtr), dte)
                save("ct_nested_ct", CT([("inner", CT([("sc", SS(), ["x"]), ("ohe", ohe(), ["size"])], remainder="passthrough"), ["size", "x", "y"]),
                    ("ord", OE(handle_unknown="use_encoded_value", unknown_value=-1), ["color", "code"])]).fit(dtr), dte)
                save("ct_weights", CT([("ohe", ohe(), ["color"]), ("sc", SS(), ["x", "y"]), ("p", "passthrough", ["k"])],
                    transformer_weights={"ohe": 2, "sc": .5, "p": 3}).fit(dtr), dte)
                save("ct_sparse", CT([("ohe", ohe(), ["color", "size"]), ("sc", SS(), ["y"])], sparse_threshold=1.0).fit(dtr), dte)
                save("ct_make_column_transformer", make_column_transformer((ohe(), ["size", "code"]), (SS(), ["y"]), remainder="drop").fit(dtr), dte)
                save("ct_missing_indicator", CT([("mi", MI(features="all"), ["x", "color"]), ("sc", SS(), ["y"])]).fit(dtr), dte)
                Xn = rng.normal(size=(50, 4)); Xn[:, 3] = rng.randint(0, 3, 50)
                save("ct_numpy", CT([("sc", SS(), [0, 1]), ("ohe", OHE(), [3])], remainder="passthrough").fit(Xn), Xn)
                save("ct_numpy_mask", CT([("sc", SS(), [True, False, True, False])], remainder=SS()).fit(Xn), Xn)
                """, name -> !name.contains("passthrough") && !name.equals("ct_numpy") && !name.equals("ct_nested_ct"));
    }

    /** Integer, boolean and object (string) outputs keep numpy's result dtype. */
    @TestFactory
    Stream<DynamicTest> typedOutput() throws Exception {
        return CategoricalCases.run(dir, IMPORTS + """
                save("ct_passthrough_int", CT([("p", "passthrough", ["code", "k"])]).fit(dtr), dte)
                save("ct_bool", CT([("mi", MI(features="all"), ["x", "color"])]).fit(dtr), dte)
                save("ct_int_and_bool", CT([("p", "passthrough", ["code"]), ("mi", MI(features="all"), ["x"])]).fit(dtr), dte)
                save("ct_object_passthrough", CT([("ohe", OHE(handle_unknown="ignore"), ["size"]), ("sc", SS(), ["x"])], remainder="passthrough").fit(dtr), dte)
                save("ct_imputed_strings", CT([("imp", SI(strategy="most_frequent"), ["color", "size"]), ("p", "passthrough", ["code"])]).fit(dtr), dte)
                """, false);
    }

    @Test
    void textInAnObjectResultIsNamedByTransformerAndColumnWhenNumbersAreNeeded() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, CategoricalCases.DATA + IMPORTS + """
                save("ct", CT([("sc", SS(), ["x"])], remainder="passthrough").fit(dtr[["x", "size"]]), dtr[["x", "size"]])
                """);
        Parity.Case c = cases.get(0);
        Model model = Models.load(c.model(), TrustPolicy.trusting(c.untrusted()));
        var out = (dev.skiff.runtime.data.Frame) model.transform(c.x());
        assertThat(out.names()).containsExactly("sc__x0", "remainder__size");
        assertThatThrownBy(() -> out.toMatrix())
                .isInstanceOf(ModelInputException.class)
                .hasMessageContaining("column \"remainder__size\"")
                .hasMessageContaining("is not a number");
    }

    @Test
    void namedFramesAreMatchedByNameAndMissingColumnsAreNamed() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, CategoricalCases.DATA + IMPORTS + """
                save("ct", CT([("ohe", OHE(handle_unknown="ignore"), ["color"]), ("sc", SS(), ["y"])]).fit(dtr), dte)
                """);
        Parity.Case c = cases.get(0);
        Model model = Models.load(c.model(), TrustPolicy.trusting(c.untrusted()));
        assertThat(model.featureNamesIn()).hasValue(List.of("color", "size", "code", "obj", "digits", "flag", "x", "y", "k"));
        // the estimator itself reorders a named frame by name
        var reversed = c.x().select(8, 7, 6, 5, 4, 3, 2, 1, 0);
        Parity.compare("reordered", c.outputs().values().iterator().next(), (dev.skiff.runtime.data.Output)
                model.estimator().transform(reversed));
        var partial = c.x().select(0, 1, 2, 3, 4, 5, 6, 7);
        assertThatThrownBy(() -> model.estimator().transform(partial))
                .isInstanceOf(ModelInputException.class)
                .hasMessageContaining("k");
    }
}

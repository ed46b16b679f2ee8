package dev.skiff.runtime.encode;

import dev.skiff.format.audit.TrustPolicy;
import dev.skiff.runtime.Model;
import dev.skiff.runtime.ModelInputException;
import dev.skiff.runtime.Models;
import dev.skiff.runtime.data.Frame;
import dev.skiff.runtime.data.StringColumn;
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

class EncodeParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> oneHotEncoder() throws Exception {
        return CategoricalCases.run(dir, """
                from sklearn.preprocessing import OneHotEncoder as OHE
                tr, te = dtr[CATS], dte[CATS]
                save("ohe_basic", OHE().fit(tr), tr)
                save("ohe_dense", OHE(sparse_output=False).fit(tr), tr)
                save("ohe_ignore_unknown", OHE(handle_unknown="ignore").fit(tr), te)
                save("ohe_drop_first", OHE(drop="first").fit(tr), tr)
                save("ohe_drop_first_ignore", OHE(drop="first", handle_unknown="ignore").fit(tr), te)
                save("ohe_if_binary", OHE(drop="if_binary", handle_unknown="ignore").fit(dtr[["flag", "size"]]), dte[["flag", "size"]])
                save("ohe_drop_array", OHE(drop=["blue", "M", 7, "q", "10"]).fit(tr), tr)
                save("ohe_drop_nan", OHE(drop=[np.nan, "S", 3, None, "1"]).fit(tr), tr)
                save("ohe_int32", OHE(dtype=np.int32, handle_unknown="ignore").fit(tr), te)
                save("ohe_bool", OHE(dtype=bool, sparse_output=False).fit(tr), tr)
                save("ohe_float32", OHE(dtype=np.float32).fit(tr), tr)
                save("ohe_min_freq", OHE(min_frequency=12, handle_unknown="infrequent_if_exist").fit(tr), te)
                save("ohe_min_freq_ratio", OHE(min_frequency=.2, handle_unknown="ignore").fit(tr), te)
                save("ohe_max_cat", OHE(max_categories=3, handle_unknown="infrequent_if_exist").fit(tr), te)
                save("ohe_max_cat_drop_first", OHE(max_categories=3, drop="first", handle_unknown="infrequent_if_exist").fit(tr), te)
                save("ohe_max_cat_if_binary", OHE(max_categories=2, drop="if_binary", handle_unknown="infrequent_if_exist").fit(tr), te)
                save("ohe_infrequent_drop_array", OHE(min_frequency=12, drop=["red", "S", 3, "p", "1"], handle_unknown="infrequent_if_exist").fit(tr), te)
                save("ohe_warn", OHE(handle_unknown="warn", min_frequency=12).fit(tr), te)
                save("ohe_explicit_categories", OHE(categories=[["red", "green", "blue", "black", "white", "purple", np.nan], ["S", "M", "L", "XL"],
                     [3, 5, 7, 11, 13], ["p", "q", "r", None], ["1", "10", "2", "99"]]).fit(tr), te)
                Xi = rng.randint(0, 5, size=(50, 3)) * 10
                save("ohe_numpy_int", OHE().fit(Xi), Xi)
                Xf = np.where(rng.rand(50, 2) < .2, np.nan, rng.randint(0, 3, size=(50, 2)) * 1.5)
                save("ohe_numpy_float_nan", OHE().fit(Xf), Xf)
                Xs = rng.choice(["a", "b", "c"], size=(40, 2)).astype(object)
                save("ohe_numpy_str", OHE().fit(Xs), Xs)
                """, true);
    }

    @TestFactory
    Stream<DynamicTest> ordinalEncoder() throws Exception {
        return CategoricalCases.run(dir, """
                from sklearn.preprocessing import OrdinalEncoder as OE
                tr, te = dtr[CATS], dte[CATS]
                save("ord_basic", OE().fit(tr), tr)
                save("ord_unknown_value", OE(handle_unknown="use_encoded_value", unknown_value=-1).fit(tr), te)
                save("ord_unknown_nan", OE(handle_unknown="use_encoded_value", unknown_value=np.nan).fit(tr), te)
                save("ord_encoded_missing", OE(encoded_missing_value=-2, handle_unknown="use_encoded_value", unknown_value=-1).fit(tr), te)
                save("ord_int64", OE(dtype=np.int64, encoded_missing_value=-1, handle_unknown="use_encoded_value", unknown_value=-5).fit(tr), te)
                save("ord_float32", OE(dtype=np.float32).fit(tr), tr)
                save("ord_min_freq", OE(min_frequency=12, handle_unknown="use_encoded_value", unknown_value=-1).fit(tr), te)
                save("ord_max_cat", OE(max_categories=3, handle_unknown="use_encoded_value", unknown_value=99, encoded_missing_value=-9).fit(tr), te)
                save("ord_explicit_categories", OE(categories=[["white", "red", "green", "blue", "black", np.nan], ["L", "M", "S"],
                     [3, 7, 11, 13], ["q", "p", None], ["2", "1", "10"]], handle_unknown="use_encoded_value", unknown_value=-1).fit(tr), te)
                Xf = np.where(rng.rand(50, 2) < .2, np.nan, rng.randint(0, 3, size=(50, 2)) * 1.5)
                save("ord_numpy_float_nan", OE().fit(Xf), Xf)
                """, true);
    }

    @Test
    void unknownCategoryIsNamedWithRowColumnAndValue() throws Exception {
        List<Parity.Case> cases = Parity.generate(dir, CategoricalCases.DATA + """
                from sklearn.preprocessing import OneHotEncoder as OHE, OrdinalEncoder as OE
                save("ohe_strict", OHE().fit(dtr[["color", "size"]]), dtr[["color", "size"]])
                save("ord_strict", OE().fit(dtr[["code"]]), dtr[["code"]])
                """);
        Model ohe = Models.load(cases.get(0).model(), TrustPolicy.trusting(cases.get(0).untrusted()));
        Frame bad = Frame.of(List.of("color", "size"), List.of(new StringColumn(new String[]{"red", "red", "purple"}),
                new StringColumn(new String[]{"S", "M", "L"})));
        assertThatThrownBy(() -> ohe.transform(bad))
                .isInstanceOf(ModelInputException.class)
                .hasMessageContaining("row 2")
                .hasMessageContaining("column \"color\"")
                .hasMessageContaining("\"purple\"")
                .hasMessageContaining("handle_unknown='error'");
        Model ord = Models.load(cases.get(1).model(), TrustPolicy.trusting(cases.get(1).untrusted()));
        Frame badCode = Frame.of(List.of("code"), List.of(new StringColumn(new String[]{"3", "seven"})));
        assertThatThrownBy(() -> ord.transform(badCode))
                .isInstanceOf(ModelInputException.class)
                .hasMessageContaining("row 1")
                .hasMessageContaining("column \"code\"")
                .hasMessageContaining("\"seven\"");
        // a numeric category sent as text is parsed ("7" and "7.0" are the category 7)
        Frame asText = Frame.of(List.of("code"), List.of(new StringColumn(new String[]{"7", "7.0", " 3 "})));
        assertThat(((dev.skiff.runtime.data.Matrix) ord.transform(asText)).data()).containsExactly(1, 1, 0);
    }
}

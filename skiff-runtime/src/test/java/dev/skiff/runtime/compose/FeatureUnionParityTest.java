package dev.skiff.runtime.compose;

import dev.skiff.runtime.encode.CategoricalCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

class FeatureUnionParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> featureUnion() throws Exception {
        return CategoricalCases.run(dir, ColumnTransformerParityTest.IMPORTS + """
                num = dtr[["x", "y", "code"]]
                numte = dte[["x", "y", "code"]]
                save("fu_weights", FeatureUnion([("sc", SS()), ("mi", MI(features="all"))], transformer_weights={"sc": 2.0, "mi": 3}).fit(num), numte)
                save("fu_two_imputers", FeatureUnion([("mean", SI()), ("median", SI(strategy="median", add_indicator=True))]).fit(num), numte)
                save("fu_passthrough_drop", FeatureUnion([("imp", SI()), ("p", "passthrough"), ("d", "drop")]).fit(num), numte)
                save("fu_of_pipelines", FeatureUnion([("a", make_pipeline(SI(), SS())), ("b", make_pipeline(SI(strategy="constant", fill_value=-1), SS()))],
                     transformer_weights={"b": .25}).fit(num), numte)
                save("fu_of_column_transformers", FeatureUnion([
                    ("cat", CT([("ohe", OHE(handle_unknown="ignore"), ["color", "size"])])),
                    ("num", CT([("sc", make_pipeline(SI(), SS()), ["x", "y"])]))], transformer_weights={"cat": 10}).fit(dtr), dte)
                """, name -> !name.contains("passthrough"));
    }

    @TestFactory
    Stream<DynamicTest> typedOutput() throws Exception {
        return CategoricalCases.run(dir, ColumnTransformerParityTest.IMPORTS + """
                num = dtr[["k", "code"]]
                save("fu_bool", FeatureUnion([("a", MI(features="all", missing_values=3)), ("b", MI(missing_values=-1, features="all"))]).fit(num), num)
                save("fu_int_weight", FeatureUnion([("a", MI(features="all", missing_values=13)), ("b", MI(missing_values=-1, features="all"))], transformer_weights={"a": 2}).fit(num), num)
                save("fu_float_weight", FeatureUnion([("a", MI(features="all", missing_values=13)), ("b", MI(missing_values=-1, features="all"))], transformer_weights={"a": .5}).fit(num), num)
                """, false);
    }
}

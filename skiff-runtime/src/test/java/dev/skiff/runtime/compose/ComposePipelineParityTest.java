package dev.skiff.runtime.compose;

import dev.skiff.runtime.encode.CategoricalCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

/** Whole pipelines on mixed DataFrames: encoders, imputers and column transformers feeding a classifier. */
class ComposePipelineParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> pipelines() throws Exception {
        return CategoricalCases.run(dir, ColumnTransformerParityTest.IMPORTS + """
                from sklearn.linear_model import LogisticRegression as LR
                full = dtr.assign(x=dtr["x"].fillna(0.5))
                fullte = dte.assign(x=dte["x"].fillna(-0.5))
                pre = CT([("ohe", OHE(handle_unknown="ignore"), ["color", "size", "code"]), ("sc", SS(), ["x", "y"])])
                save("pipe_ct_ohe_scaler_lr", Pipeline([("pre", pre), ("lr", LR())]).fit(full, ytr), fullte)
                save("pipe_ct_ohe_scaler_lr_train", Pipeline([("pre", CT([("ohe", OHE(), ["color", "size", "code"]), ("sc", SS(), ["x", "y"])])),
                     ("lr", LR(C=.5))]).fit(full, ytr), full)
                cat = Pipeline([("imp", SI(strategy="most_frequent")), ("ohe", OHE(handle_unknown="ignore"))])
                num = Pipeline([("imp", SI(strategy="median", add_indicator=True)), ("sc", SS())])
                pre2 = CT([("cat", cat, ["color", "size", "digits"]), ("num", num, ["x", "y"]),
                           ("ord", OE(handle_unknown="use_encoded_value", unknown_value=-1), ["code"])], remainder="drop")
                save("pipe_imputed_lr", Pipeline([("pre", pre2), ("lr", LR(max_iter=500))]).fit(dtr, ytr), dte)
                ym = np.array(["low", "mid", "high"])[(dtr["y"].to_numpy() > 0).astype(int) + (dtr["size"] == "L").to_numpy().astype(int)]
                save("pipe_multiclass", Pipeline([("pre", pre2), ("lr", LR(max_iter=500))]).fit(dtr, ym), dte)
                save("pipe_infrequent", Pipeline([("pre", CT([("ohe", OHE(min_frequency=12, handle_unknown="infrequent_if_exist"), ["color", "code"]),
                     ("sc", make_pipeline(SI(), SS()), ["x", "y"])])), ("lr", LR())]).fit(dtr, ytr), dte)
                save("pipe_selector", make_pipeline(CT([("ohe", OHE(handle_unknown="ignore", drop="if_binary"), sel(dtype_exclude="number")),
                     ("sc", make_pipeline(SI(), SS()), sel(dtype_include="number"))]), LR()).fit(dtr, ytr), dte)
                save("pipe_imputer_encoder_lr", make_pipeline(SI(strategy="most_frequent"), OHE(handle_unknown="ignore"), LR()).fit(dtr[["color", "size"]], ytr),
                     dte[["color", "size"]])
                save("pipe_feature_union", make_pipeline(FeatureUnion([("imp", SI()), ("mi", MI(features="all"))]), SS(), LR()).fit(dtr[["x", "y"]], ytr),
                     dte[["x", "y"]])
                save("pipe_remainder_passthrough", make_pipeline(CT([("ohe", OHE(handle_unknown="ignore"), ["color"])], remainder="passthrough"), LR(max_iter=1000))
                     .fit(full[["color", "x", "y", "k"]], ytr), fullte[["color", "x", "y", "k"]])
                """, name -> true);
    }
}

package dev.skiff.runtime.decomposition;

import dev.skiff.runtime.linear.ParityCases;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

class PcaParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> pca() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.decomposition import PCA, IncrementalPCA, TruncatedSVD
                from sklearn.pipeline import make_pipeline
                from sklearn.preprocessing import StandardScaler
                from sklearn.linear_model import LogisticRegression
                Xo = Xr + np.array([10., -3, 0, 100, 2, 5])  # off-centre
                save("pca_full", PCA().fit(Xo), Xo)
                save("pca_3", PCA(n_components=3).fit(Xo), Xo)
                save("pca_whiten", PCA(n_components=4, whiten=True).fit(Xo), Xo)
                save("pca_variance_ratio", PCA(n_components=.9, svd_solver="full").fit(Xo), Xo)
                save("pca_randomized", PCA(n_components=2, svd_solver="randomized", random_state=0).fit(Xo), Xo)
                save("pca_arpack_whiten", PCA(n_components=2, svd_solver="arpack", whiten=True, random_state=0).fit(Xo), Xo)
                save("pca_covariance_eigh", PCA(n_components=3, svd_solver="covariance_eigh").fit(Xo), Xo)
                save("pca_mixed", PCA(n_components=3).fit(Xmix), Xmix)
                save("pca_df", PCA(n_components=2).fit(dfb), dfb)
                save("incremental_pca", IncrementalPCA(n_components=3, batch_size=30).fit(Xo), Xo)
                save("incremental_pca_whiten", IncrementalPCA(n_components=3, whiten=True).fit(Xo), Xo)
                save("truncated_svd", TruncatedSVD(n_components=3, random_state=0).fit(Xo), Xo)
                save("truncated_svd_df", TruncatedSVD(n_components=2, algorithm="arpack").fit(dfb), dfb)
                save("pipeline_scale_pca_lr", make_pipeline(StandardScaler(), PCA(3), LogisticRegression(max_iter=500)).fit(Xm, ym), Xm)
                """);
    }
}

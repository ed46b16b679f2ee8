package dev.skiff.runtime.linear;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.stream.Stream;

class SvmParityTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> linearSvm() throws Exception {
        return ParityCases.run(dir, """
                from sklearn.svm import LinearSVC, LinearSVR
                save("svc_binary", LinearSVC(random_state=0).fit(Xb, yb), Xb)
                save("svc_multi_strings", LinearSVC(random_state=0).fit(Xm, ym), Xm)
                save("svc_crammer_singer", LinearSVC(multi_class="crammer_singer", random_state=0).fit(Xm4, ym4), Xm4)
                save("svc_l1_primal", LinearSVC(penalty="l1", dual=False, C=.5).fit(Xm4, ym4), Xm4)
                save("svc_df", LinearSVC(random_state=0).fit(dfb, yb), dfb)
                save("svr", LinearSVR(random_state=0, max_iter=5000).fit(Xr, yr), Xr)
                save("svr_df", LinearSVR(random_state=0, max_iter=5000).fit(dfb, ymix), dfb)
                """);
    }
}

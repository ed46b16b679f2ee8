package dev.skiff.card.plot;

import dev.skiff.card.eval.ClassificationMetrics;
import dev.skiff.card.eval.ClassifierEvaluation;
import dev.skiff.card.eval.Curves;
import dev.skiff.card.eval.FeatureImportances;
import dev.skiff.card.eval.Metric;
import dev.skiff.card.eval.PermutationImportances;
import dev.skiff.card.eval.RegressorEvaluation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every plot renders headless to a PNG that decodes, has the size the plot promises, is not blank (pixel
 * variance, several colours) and is byte-identical when drawn again. Copies go to
 * {@code <build dir>/card-artifacts/} for a person to look at.
 */
@Timeout(120) // XChart loops forever on some labels; a regression must fail, not hang the build
class PlotsTest {
    @TempDir
    Path tmp;
    private static Path artifacts;

    @BeforeAll
    static void artifactDir() throws Exception {
        Path testClasses = Path.of(PlotsTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        artifacts = testClasses.getParent().resolve("card-artifacts");
        Files.createDirectories(artifacts);
    }

    /** Decodes the PNG, checks its size and that it shows something, keeps a copy; returns the image. */
    static BufferedImage check(PlotFile f, int width, int height) throws Exception {
        assertThat(f.path()).exists();
        BufferedImage img = ImageIO.read(f.path().toFile());
        assertThat(img).as("%s decodes as an image", f.path()).isNotNull();
        assertThat(img.getWidth()).as("width").isEqualTo(width).isEqualTo(f.width());
        assertThat(img.getHeight()).as("height").isEqualTo(height).isEqualTo(f.height());
        double sum = 0;
        double sumSq = 0;
        Set<Integer> colours = new HashSet<>();
        long n = (long) img.getWidth() * img.getHeight();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                colours.add(rgb & 0xffffff);
                double lum = 0.299 * ((rgb >> 16) & 255) + 0.587 * ((rgb >> 8) & 255) + 0.114 * (rgb & 255);
                sum += lum;
                sumSq += lum * lum;
            }
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        assertThat(variance).as("%s pixel variance (blank images have 0)", f.path().getFileName()).isGreaterThan(100);
        assertThat(colours.size()).as("distinct colours").isGreaterThan(8);
        assertThat(f.altText()).isNotBlank();
        Files.copy(f.path(), artifacts.resolve(f.path().getFileName()), StandardCopyOption.REPLACE_EXISTING);
        return img;
    }

    static ClassifierEvaluation classifier(int k, int n, long seed) {
        Random r = new Random(seed);
        int[] yt = new int[n];
        int[] yp = new int[n];
        double[] proba = new double[n * k];
        for (int i = 0; i < n; i++) {
            yt[i] = r.nextInt(k);
            double sum = 0;
            for (int c = 0; c < k; c++) {
                double s = Math.exp(r.nextGaussian() + (c == yt[i] ? 1.5 : 0));
                proba[i * k + c] = s;
                sum += s;
            }
            int best = 0;
            for (int c = 0; c < k; c++) {
                proba[i * k + c] /= sum;
                if (proba[i * k + c] > proba[i * k + best]) {
                    best = c;
                }
            }
            yp[i] = best;
        }
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(k == 2 ? List.of("no", "yes").get(c) : "class-" + (char) ('A' + c));
        }
        List<ClassifierEvaluation.ClassCurves> curves = new ArrayList<>();
        for (int c = k == 2 ? 1 : 0; c < k; c++) {
            boolean[] pos = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                pos[i] = yt[i] == c;
                s[i] = proba[i * k + c];
            }
            Curves.PrecisionRecall pr = Curves.precisionRecall(pos, s);
            curves.add(new ClassifierEvaluation.ClassCurves(names.get(c), Curves.roc(pos, s), pr,
                    ClassificationMetrics.rocAuc(pos, s), Curves.averagePrecision(pr)));
        }
        return new ClassifierEvaluation(List.of(new Metric("accuracy", null, "accuracy",
                ClassificationMetrics.accuracy(yt, yp))), List.of(), n, names,
                ClassificationMetrics.confusion(yt, yp, k), names, curves);
    }

    @Test
    void confusionMatrices() throws Exception {
        check(Plots.confusionMatrix(classifier(2, 300, 1), tmp.resolve("confusion_matrix_binary.png")), 560, 480);
        check(Plots.confusionMatrix(classifier(4, 500, 2), tmp.resolve("confusion_matrix_4.png")), 560, 480);
        check(Plots.confusionMatrix(classifier(12, 2000, 3), tmp.resolve("confusion_matrix_12.png")), 952, 872);
    }

    @Test
    void rocAndPrecisionRecallCurves() throws Exception {
        ClassifierEvaluation binary = classifier(2, 400, 4);
        check(Plots.rocCurves(binary, tmp.resolve("roc_binary.png")), 720, 540);
        check(Plots.precisionRecallCurves(binary, tmp.resolve("pr_binary.png")), 720, 540);
        ClassifierEvaluation multi = classifier(4, 600, 5);
        check(Plots.rocCurves(multi, tmp.resolve("roc_multiclass.png")), 720, 540);
        check(Plots.precisionRecallCurves(multi, tmp.resolve("pr_multiclass.png")), 720, 540);
    }

    @Test
    void residuals() throws Exception {
        Random r = new Random(6);
        int n = 400;
        double[] yt = new double[n];
        double[] yp = new double[n];
        for (int i = 0; i < n; i++) {
            yp[i] = r.nextGaussian() * 20 + 50;
            yt[i] = yp[i] + r.nextGaussian() * (2 + Math.abs(yp[i] - 50) / 10);
        }
        check(Plots.residuals(new RegressorEvaluation(List.of(), List.of(), yt, yp), tmp.resolve("residuals.png")),
                720, 540);
        // a constant prediction still draws
        check(Plots.residuals(new RegressorEvaluation(List.of(), List.of(), new double[]{1, 2, 3},
                new double[]{2, 2, 2}), tmp.resolve("residuals_constant.png")), 720, 540);
    }

    @Test
    void featureImportances() throws Exception {
        FeatureImportances fi = new FeatureImportances(List.of("petal length (cm)", "sepal width (cm)",
                "petal width (cm)", "sepal length (cm)"), new double[]{0.44, 0.02, 0.42, 0.12},
                "RandomForestClassifier");
        check(Plots.featureImportances(fi, tmp.resolve("feature_importances.png")), 800, 320);
        List<String> many = new ArrayList<>();
        double[] v = new double[40];
        for (int i = 0; i < 40; i++) {
            many.add("feature_with_a_rather_long_name_" + i);
            v[i] = 1.0 / (i + 1);
        }
        check(Plots.featureImportances(new FeatureImportances(many, v, "ExtraTreesRegressor"),
                tmp.resolve("feature_importances_many.png")), 800, 150 + 30 * Plots.MAX_FEATURES);
    }

    @Test
    void blankTicksBetweenRowsAreDistinctAndShortEnoughForXChart() {
        Set<String> seen = new HashSet<>();
        for (int i = -2000; i <= 20000; i++) {
            String s = Plots.blankTick(i / 8.0);
            assertThat(s.length()).isLessThanOrEqualTo(Plots.MAX_TICK_LABEL);
            assertThat(seen.add(s)).as("tick %s", i / 8.0).isTrue();
        }
    }

    @Test
    void permutationImportancesAreDeterministic() throws Exception {
        Random r = new Random(8);
        List<String> names = List.of("strong", "weak", "noise", "medium");
        double[] centre = {0.9, 0.05, 0.0, 0.3};
        double[][] imp = new double[4][30];
        double[] mean = new double[4];
        double[] std = new double[4];
        for (int j = 0; j < 4; j++) {
            for (int k = 0; k < 30; k++) {
                imp[j][k] = centre[j] + r.nextGaussian() * (0.02 + centre[j] / 20);
                mean[j] += imp[j][k] / 30;
            }
            imp[j][0] = centre[j] + 0.2; // an outlier
        }
        PermutationImportances pi = new PermutationImportances(names, imp, mean, std, 0.95);
        PlotFile a = Plots.permutationImportances(pi, tmp.resolve("permutation_importances.png"));
        check(a, 800, 320);
        PlotFile b = Plots.permutationImportances(pi, tmp.resolve("again.png"));
        assertThat(Files.readAllBytes(b.path())).as("same input, same bytes").isEqualTo(Files.readAllBytes(a.path()));
    }

    @Test
    void nothingToDrawIsAClearError() {
        ClassifierEvaluation noScores = new ClassifierEvaluation(List.of(), List.of(), 1, List.of("a"),
                new long[][]{{1}}, List.of("a"), List.of());
        assertThatThrownBy(() -> Plots.rocCurves(noScores, tmp.resolve("x.png")))
                .isInstanceOf(PlotException.class).hasMessageContaining("no scores");
        assertThatThrownBy(() -> Plots.featureImportances(new FeatureImportances(List.of(), new double[0], "X"),
                tmp.resolve("y.png"))).isInstanceOf(PlotException.class);
        assertThat(tmp.resolve("x.png")).doesNotExist();
    }
}

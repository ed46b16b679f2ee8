package dev.skiff.card.plot;

import dev.skiff.card.eval.ClassifierEvaluation;
import dev.skiff.card.eval.FeatureImportances;
import dev.skiff.card.eval.PermutationImportances;
import dev.skiff.card.eval.RegressorEvaluation;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.HeatMapStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Draws the evaluation plots of a model card to PNG files. Sizes depend only on the input (the number of
 * labels or features shown), never on the machine, so a card regenerated from the same model and data links
 * the same images. Long lists are cut to the {@value #MAX_FEATURES} most important features and the
 * {@value #MAX_CURVES} first classes.
 */
public final class Plots {
    /** Most features shown in an importance plot. */
    public static final int MAX_FEATURES = 25;
    /** Most classes drawn in a ROC or precision-recall plot. */
    public static final int MAX_CURVES = 10;

    private static final int WIDTH = 720;
    private static final int HEIGHT = 540;

    private Plots() {
    }

    /** The confusion matrix as a heat map with the count in each cell; true labels down, predicted across. */
    public static PlotFile confusionMatrix(ClassifierEvaluation e, Path png) {
        List<String> labels = e.labels().stream().map(l -> Style.shorten(l, 18)).toList();
        int k = labels.size();
        if (k == 0) {
            throw new PlotException("the confusion matrix is empty");
        }
        int side = Math.min(1400, Math.max(480, 200 + 56 * k));
        HeatMapChart chart = new HeatMapChartBuilder().width(side + 80).height(side).title("Confusion matrix")
                .xAxisTitle("Predicted label").yAxisTitle("True label").build();
        HeatMapStyler s = chart.getStyler();
        Style.apply(s);
        s.setShowValue(true);
        s.setValueFont(new java.awt.Font(Style.FONT, java.awt.Font.BOLD, k > 12 ? 10 : 14));
        s.setValueFontColor(Style.INK);
        s.setHeatMapValueDecimalPattern("0");
        s.setRangeColors(new Color[]{new Color(247, 251, 255), new Color(158, 202, 225), new Color(66, 146, 198)});
        s.setDrawBorder(true);
        s.setPlotContentSize(1.0);
        s.setLegendVisible(true);
        s.setLegendPosition(Styler.LegendPosition.OutsideE);
        s.setXAxisLabelRotation(k > 6 ? 45 : 0);
        long max = 0;
        List<Number[]> heat = new ArrayList<>();
        List<String> yLabels = new ArrayList<>(labels);
        java.util.Collections.reverse(yLabels); // first label at the top, as in scikit-learn's display
        for (int t = 0; t < k; t++) {
            for (int p = 0; p < k; p++) {
                long c = e.confusion()[t][p];
                max = Math.max(max, c);
                heat.add(new Number[]{p, k - 1 - t, c});
            }
        }
        HeatMapSeries series = chart.addSeries("count", labels, yLabels, heat);
        series.setMin(0);
        series.setMax(Math.max(1, max));
        return Style.write(chart, png, "Confusion matrix of " + e.rows() + " rows over " + k + " labels");
    }

    /** ROC curves: the positive class of a binary model, or each class against the rest; the chance diagonal. */
    public static PlotFile rocCurves(ClassifierEvaluation e, Path png) {
        XYChart chart = curveChart("ROC curve", "False Positive Rate", "True Positive Rate");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        XYSeries chance = chart.addSeries("chance level (AUC = 0.5)", new double[]{0, 1}, new double[]{0, 1});
        chance.setLineColor(Style.MUTED);
        chance.setLineStyle(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[]{6f, 4f}, 0f));
        int drawn = 0;
        for (ClassifierEvaluation.ClassCurves c : curves(e)) {
            if (!defined(c.roc().fpr()) || !defined(c.roc().tpr())) {
                continue;
            }
            String name = seriesName(e, c.label()) + " (AUC = " + fmt(c.auc()) + ")";
            XYSeries s = chart.addSeries(unique(chart, name), c.roc().fpr(), c.roc().tpr());
            s.setLineColor(Style.PALETTE[drawn % Style.PALETTE.length]);
            drawn++;
        }
        if (drawn == 0) {
            throw new PlotException("no ROC curve is defined: the data holds one class only");
        }
        return Style.write(chart, png, "ROC curve" + (e.curves().size() > 1 ? "s (one-vs-rest)" : ""));
    }

    /** Precision-recall curves, with each class's average precision. */
    public static PlotFile precisionRecallCurves(ClassifierEvaluation e, Path png) {
        XYChart chart = curveChart("Precision-recall curve", "Recall", "Precision");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSW);
        int drawn = 0;
        for (ClassifierEvaluation.ClassCurves c : curves(e)) {
            if (Double.isNaN(c.averagePrecision())) {
                continue; // a class absent from the data has no precision-recall curve worth drawing
            }
            String name = seriesName(e, c.label()) + " (AP = " + fmt(c.averagePrecision()) + ")";
            XYSeries s = chart.addSeries(unique(chart, name), c.precisionRecall().recall(),
                    c.precisionRecall().precision());
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
            s.setLineColor(Style.PALETTE[drawn % Style.PALETTE.length]);
            drawn++;
        }
        if (drawn == 0) {
            throw new PlotException("no precision-recall curve is defined: no class has positive rows");
        }
        return Style.write(chart, png, "Precision-recall curve" + (e.curves().size() > 1 ? "s (one-vs-rest)" : ""));
    }

    /** Residuals ({@code true - predicted}) against the prediction, with the zero line. */
    public static PlotFile residuals(RegressorEvaluation e, Path png) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Residuals")
                .xAxisTitle("Predicted value").yAxisTitle("Residual (true - predicted)").build();
        XYStyler s = chart.getStyler();
        Style.apply(s);
        s.setLegendVisible(false);
        s.setMarkerSize(5);
        double[] pred = e.yPred();
        double[] res = e.residuals();
        double lo = Arrays.stream(pred).min().orElse(0);
        double hi = Arrays.stream(pred).max().orElse(1);
        if (lo == hi) {
            lo -= 0.5;
            hi += 0.5;
        }
        XYSeries zero = chart.addSeries("zero", new double[]{lo, hi}, new double[]{0, 0});
        zero.setLineColor(Style.MUTED);
        zero.setMarker(SeriesMarkers.NONE);
        XYSeries points = chart.addSeries("rows", pred, res);
        points.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        points.setMarker(SeriesMarkers.CIRCLE);
        points.setMarkerColor(new Color(0, 114, 178, 150));
        return Style.write(chart, png, "Residuals against predictions for " + e.rows() + " rows");
    }

    /** A tree model's impurity-based importances as horizontal bars, largest at the top. */
    public static PlotFile featureImportances(FeatureImportances fi, Path png) {
        int[] order = fi.order();
        int n = Math.min(order.length, MAX_FEATURES);
        if (n == 0) {
            throw new PlotException("there are no feature importances to plot");
        }
        XYChart chart = rowChart(n, "Feature Importances (" + fi.estimator() + ")", "Mean decrease in impurity",
                names(fi.features(), order, n));
        double bar = 0.32;
        for (int r = 0; r < n; r++) {
            double v = fi.importances()[order[r]];
            double y = n - 1 - r;
            XYSeries s = chart.addSeries("bar " + r, new double[]{0, v, v, 0, 0},
                    new double[]{y - bar, y - bar, y + bar, y + bar, y - bar});
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
            s.setFillColor(Style.PALETTE[0]);
            s.setLineColor(Style.PALETTE[0]);
            s.setLineStyle(new BasicStroke(1f));
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        chart.getStyler().setXAxisMin(0.0);
        return Style.write(chart, png, "Impurity-based feature importances of the " + n + " most important features");
    }

    /**
     * Permutation importances as horizontal box plots (quartile box, median, whiskers at 1.5 IQR, outliers),
     * sorted by mean with the most important at the top; x axis "Decrease in Score", as skops draws them.
     */
    public static PlotFile permutationImportances(PermutationImportances pi, Path png) {
        int[] order = pi.orderByMean();
        int n = Math.min(order.length, MAX_FEATURES);
        if (n == 0) {
            throw new PlotException("there are no permutation importances to plot");
        }
        XYChart chart = rowChart(n, "Permutation Importances", "Decrease in Score", names(pi.features(), order, n));
        Color box = Style.PALETTE[0];
        BasicStroke thin = new BasicStroke(1.4f);
        BasicStroke thick = new BasicStroke(2.6f);
        double h = 0.3;
        for (int r = 0; r < n; r++) {
            double[] v = pi.importances()[order[r]].clone();
            Arrays.sort(v);
            double q1 = percentile(v, 0.25);
            double med = percentile(v, 0.5);
            double q3 = percentile(v, 0.75);
            double iqr = q3 - q1;
            double loFence = q1 - 1.5 * iqr;
            double hiFence = q3 + 1.5 * iqr;
            double lo = q1;
            double hi = q3;
            List<Double> outliers = new ArrayList<>();
            for (double x : v) {
                if (x < loFence || x > hiFence) {
                    outliers.add(x);
                } else {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
            double y = n - 1 - r;
            line(chart, "box " + r, new double[]{q1, q3, q3, q1, q1}, new double[]{y - h, y - h, y + h, y + h, y - h},
                    box, thin);
            line(chart, "median " + r, new double[]{med, med}, new double[]{y - h, y + h}, Style.PALETTE[5], thick);
            line(chart, "low whisker " + r, new double[]{lo, q1}, new double[]{y, y}, box, thin);
            line(chart, "high whisker " + r, new double[]{q3, hi}, new double[]{y, y}, box, thin);
            line(chart, "low cap " + r, new double[]{lo, lo}, new double[]{y - h / 2, y + h / 2}, box, thin);
            line(chart, "high cap " + r, new double[]{hi, hi}, new double[]{y - h / 2, y + h / 2}, box, thin);
            if (!outliers.isEmpty()) {
                double[] ys = new double[outliers.size()];
                Arrays.fill(ys, y);
                XYSeries o = chart.addSeries("outliers " + r,
                        outliers.stream().mapToDouble(Double::doubleValue).toArray(), ys);
                o.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
                o.setMarker(SeriesMarkers.CIRCLE);
                o.setMarkerColor(Style.MUTED);
                o.setShowInLegend(false);
            }
        }
        return Style.write(chart, png, "Permutation importances of the " + n + " most important features over "
                + pi.importances()[0].length + " repeats");
    }

    // ---------------------------------------------------------------------------------------------

    private static XYChart curveChart(String title, String x, String y) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(x).yAxisTitle(y)
                .build();
        XYStyler s = chart.getStyler();
        Style.apply(s);
        s.setLegendVisible(true);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarkerSize(0);
        s.setXAxisMin(0.0);
        s.setXAxisMax(1.0);
        s.setYAxisMin(0.0);
        s.setYAxisMax(1.05);
        s.setXAxisDecimalPattern("0.0");
        s.setYAxisDecimalPattern("0.0");
        return chart;
    }

    /** A chart with one horizontal row per feature; row 0 (the most important) at the top. */
    private static XYChart rowChart(int rows, String title, String xTitle, List<String> namesTopDown) {
        int rowPx = 30;
        int height = Math.max(320, 150 + rowPx * rows);
        XYChart chart = new XYChartBuilder().width(WIDTH + 80).height(height).title(title).xAxisTitle(xTitle)
                .build();
        XYStyler s = chart.getStyler();
        Style.apply(s);
        s.setLegendVisible(false);
        s.setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setMarkerSize(6);
        s.setYAxisMin(-0.6);
        s.setYAxisMax(rows - 0.4);
        s.setPlotGridHorizontalLinesVisible(false);
        s.setYAxisTickMarkSpacingHint(Math.max(8, rowPx - 12));
        s.setYAxisLabelAlignment(org.knowm.xchart.style.AxesChartStyler.TextAlignment.Right);
        s.setAxisTicksMarksVisible(false);
        chart.setCustomYAxisTickLabelsFormatter(v -> {
            double r = Math.rint(v);
            if (Math.abs(v - r) > 1e-6 || r < 0 || r >= rows) {
                return blankTick(v);
            }
            return namesTopDown.get(rows - 1 - (int) r);
        });
        return chart;
    }

    private static void line(XYChart chart, String name, double[] x, double[] y, Color c, BasicStroke stroke) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setLineColor(c);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }

    /**
     * XChart 4.0.3 loops forever on a y tick label longer than {@value #MAX_TICK_LABEL} characters, and widens the
     * tick step until all labels differ; so row names are cut to that length and kept distinct.
     */
    static final int MAX_TICK_LABEL = 20;

    private static List<String> names(List<String> features, int[] order, int n) {
        List<String> out = new ArrayList<>(n);
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int r = 0; r < n; r++) {
            String name = Style.shorten(features.get(order[r]), MAX_TICK_LABEL);
            for (int k = 2; !seen.add(name); k++) {
                String suffix = "~" + k;
                name = Style.shorten(features.get(order[r]), MAX_TICK_LABEL - suffix.length()) + suffix;
            }
            out.add(name);
        }
        return out;
    }

    /**
     * An invisible label for a tick between rows, distinct for each tick value (XChart requires distinct labels):
     * the value in thousandths written in base 4 with zero-width characters, at most {@value #MAX_TICK_LABEL} long.
     */
    static String blankTick(double v) {
        final char[] digits = {'\u200B', '\u200C', '\u200D', '\u2060'};
        long k = Math.round(v * 1000);
        StringBuilder sb = new StringBuilder(k < 0 ? "\uFEFF" : "");
        long m = Math.abs(k);
        do {
            sb.append(digits[(int) (m & 3)]);
            m >>= 2;
        } while (m > 0 && sb.length() < MAX_TICK_LABEL);
        return sb.toString();
    }

    /** numpy's default (linear) percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    private static List<ClassifierEvaluation.ClassCurves> curves(ClassifierEvaluation e) {
        if (e.curves().isEmpty()) {
            throw new PlotException("the model has no scores (predict_proba or decision_function) to draw curves from");
        }
        return e.curves().subList(0, Math.min(MAX_CURVES, e.curves().size()));
    }

    private static String seriesName(ClassifierEvaluation e, String label) {
        return (e.curves().size() == 1 ? "positive class " : "class ") + Style.shorten(label, 24);
    }

    /** Series names must be unique in XChart; two labels can shorten to the same text. */
    private static String unique(XYChart chart, String name) {
        String n = name;
        for (int i = 2; chart.getSeries(n) != null; i++) {
            n = name + " #" + i;
        }
        return n;
    }

    private static boolean defined(double[] a) {
        for (double v : a) {
            if (Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}

package dev.skiff.card.plot;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The look shared by every plot, and writing a chart to a PNG file. */
final class Style {
    static {
        // never open a display: cards are built on servers and in CI
        System.setProperty("java.awt.headless", "true");
    }

    /** The series colours (the colour-blind-safe Okabe-Ito palette). */
    static final Color[] PALETTE = {new Color(0, 114, 178), new Color(230, 159, 0), new Color(0, 158, 115),
            new Color(204, 121, 167), new Color(86, 180, 233), new Color(213, 94, 0), new Color(240, 228, 66),
            new Color(0, 0, 0)};
    static final Color INK = new Color(33, 33, 33);
    static final Color GRID = new Color(225, 225, 225);
    static final Color MUTED = new Color(150, 150, 150);
    static final String FONT = Font.SANS_SERIF;

    private Style() {
    }

    static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(MUTED);
        s.setPlotGridLinesColor(GRID);
        s.setChartFontColor(INK);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 11));
        s.setAxisTickLabelsColor(INK);
        s.setLegendFont(new Font(FONT, Font.PLAIN, 11));
        s.setLegendBorderColor(MUTED);
        s.setLegendBackgroundColor(new Color(255, 255, 255, 230));
        s.setSeriesColors(PALETTE);
        s.setChartPadding(12);
        s.setAntiAlias(true);
        s.setTextAntiAlias(true);
        s.setLocale(java.util.Locale.ROOT);
    }

    static void legend(Styler s, Styler.LegendPosition where) {
        s.setLegendVisible(true);
        s.setLegendPosition(where);
    }

    /** Renders {@code chart} to {@code file} (via a temporary file, so a reader never sees half a PNG). */
    static PlotFile write(Chart<?, ?> chart, Path file, String altText) {
        Path abs = file.toAbsolutePath();
        try {
            Path parent = abs.getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".plot", ".png");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    if (!javax.imageio.ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", out)) {
                        throw new IOException("no PNG writer");
                    }
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new PlotException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (java.awt.AWTError | UnsatisfiedLinkError e) {
            throw new PlotException("cannot draw " + file.getFileName() + " (no fonts or graphics on this machine? "
                    + "install fontconfig and a font such as DejaVu): " + e.getMessage(), e);
        }
        return new PlotFile(file, chart.getWidth(), chart.getHeight(), altText);
    }

    /** A label cut to {@code max} characters with an ellipsis. */
    static String shorten(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}

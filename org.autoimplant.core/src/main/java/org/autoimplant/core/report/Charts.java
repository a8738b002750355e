package org.autoimplant.core.report;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.BoxChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The report's charts (XChart, rendered headless to PNG). */
public final class Charts {
    static final Color[] PALETTE = {new Color(31, 119, 180), new Color(255, 127, 14), new Color(44, 160, 44),
        new Color(214, 39, 40), new Color(148, 103, 189)};

    private Charts() {
    }

    /**
     * Box plot of one metric, one box per method (the paper's Fig. 5). Non-finite values (an empty
     * prediction has HD = ∞) cannot be drawn; they are left out and counted in the title. Returns
     * null when no value at all can be drawn.
     */
    public static byte[] boxPlot(String metric, Map<String, double[]> byMethod) throws IOException {
        BoxChart chart = new BoxChartBuilder().width(360).height(300).title(metric).yAxisTitle(metric).build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setSeriesColors(PALETTE);
        int left = 0;
        for (Map.Entry<String, double[]> e : byMethod.entrySet()) {
            List<Double> finite = new ArrayList<>();
            for (double v : e.getValue()) {
                if (Double.isFinite(v)) {
                    finite.add(v);
                } else {
                    left++;
                }
            }
            if (!finite.isEmpty()) {
                chart.addSeries(e.getKey(), finite);
            }
        }
        if (chart.getSeriesMap().isEmpty()) {
            return null;
        }
        if (left > 0) {
            chart.setTitle(metric + " (" + left + " infinite values not shown)");
        }
        return png(chart);
    }

    /** Training loss per step, raw and as a moving average of {@code window} steps (the paper's Fig. 4). */
    public static byte[] lossCurves(Map<String, List<Double>> losses, int window) throws IOException {
        XYChart chart = new XYChartBuilder().width(720).height(320).title("Training loss (soft Dice)")
                .xAxisTitle("step").yAxisTitle("loss").build();
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setMarkerSize(0);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        int k = 0;
        for (Map.Entry<String, List<Double>> e : losses.entrySet()) {
            List<Double> l = e.getValue();
            if (l.isEmpty()) {
                continue;
            }
            Color c = PALETTE[k++ % PALETTE.length];
            double[] x = new double[l.size()];
            double[] raw = new double[l.size()];
            double[] mean = new double[l.size()];
            double sum = 0;
            for (int i = 0; i < l.size(); i++) {
                x[i] = i + 1;
                raw[i] = l.get(i);
                sum += raw[i];
                if (i >= window) {
                    sum -= raw[i - window];
                }
                mean[i] = sum / Math.min(i + 1, window);
            }
            XYSeries r = chart.addSeries(e.getKey() + " (per step)", x, raw);
            r.setLineColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 60));
            r.setMarker(SeriesMarkers.NONE);
            XYSeries m = chart.addSeries(e.getKey() + " (mean of " + window + ")", x, mean);
            m.setLineColor(c);
            m.setMarker(SeriesMarkers.NONE);
        }
        return png(chart);
    }

    private static byte[] png(Chart<?, ?> chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
        return out.toByteArray();
    }
}

package dev.circuit.train;

import java.util.List;
import java.util.Locale;

/**
 * A loss curve as a small SVG line chart, written by hand: epochs across, loss up on a log scale
 * (losses shrink by orders of magnitude, and a linear axis would show one corner and a flat line).
 * Several series share the axes, for comparing learning rates.
 */
public final class LossPlot {
    static final int W = 640;
    static final int H = 400;
    static final int LEFT = 70;
    static final int RIGHT = 20;
    static final int TOP = 30;
    static final int BOTTOM = 50;
    /** Points drawn per series at most: one per couple of pixels is all the eye can use. */
    static final int MAX_POINTS = 600;
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"};

    private LossPlot() {}

    public record Series(String label, double[] losses) {}

    public static String svg(String title, List<Series> series) {
        int epochs = 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            epochs = Math.max(epochs, s.losses().length);
            for (double v : s.losses()) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo <= hi)) {
            lo = 1e-3;
            hi = 1;
        }
        double lo10 = Math.floor(Math.log10(lo));
        double hi10 = Math.ceil(Math.log10(hi));
        if (hi10 <= lo10) hi10 = lo10 + 1;
        int pw = W - LEFT - RIGHT;
        int ph = H - TOP - BOTTOM;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(W).append("\" height=\"").append(H)
                .append("\" viewBox=\"0 0 ").append(W).append(' ').append(H).append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
        sb.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        sb.append("<text x=\"").append(W / 2).append("\" y=\"18\" text-anchor=\"middle\" font-size=\"14\">").append(escape(title)).append("</text>\n");
        // Decade grid lines and labels on the loss axis.
        for (int d = (int) lo10; d <= (int) hi10; d++) {
            double y = TOP + ph * (hi10 - d) / (hi10 - lo10);
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", LEFT, y, W - RIGHT, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>\n", LEFT - 6, y + 4, d));
        }
        for (int i = 0; i <= 4; i++) {
            long e = Math.round(1 + (epochs - 1) * i / 4.0);
            double x = LEFT + pw * (epochs == 1 ? 0 : (e - 1) / (double) (epochs - 1));
            sb.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>\n", x, TOP, x, TOP + ph));
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>\n", x, TOP + ph + 16, e));
        }
        sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#444\"/>\n", LEFT, TOP, pw, ph));
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">epoch</text>\n", LEFT + pw / 2, H - 12));
        sb.append(String.format(Locale.ROOT, "<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">loss (log scale)</text>\n", TOP + ph / 2));
        for (int s = 0; s < series.size(); s++) {
            double[] l = series.get(s).losses();
            String color = COLORS[s % COLORS.length];
            StringBuilder pts = new StringBuilder();
            int step = Math.max(1, (l.length + MAX_POINTS - 1) / MAX_POINTS);
            for (int i = 0; i < l.length; i += step) {
                point(pts, i, l[i], epochs, lo10, hi10, pw, ph);
            }
            if ((l.length - 1) % step != 0) point(pts, l.length - 1, l[l.length - 1], epochs, lo10, hi10, pw, ph);
            sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-width=\"1.5\" points=\"")
                    .append(pts.toString().strip()).append("\"/>\n");
            int ly = TOP + 16 + 16 * s;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\"/>\n",
                    W - RIGHT - 150, ly - 4, W - RIGHT - 130, ly - 4, color));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>\n", W - RIGHT - 125, ly, escape(series.get(s).label())));
        }
        return sb.append("</svg>\n").toString();
    }

    private static void point(StringBuilder pts, int i, double v, int epochs, double lo10, double hi10, int pw, int ph) {
        if (!(v > 0) || !Double.isFinite(v)) return;
        double x = LEFT + pw * (epochs == 1 ? 0 : i / (double) (epochs - 1));
        double y = TOP + ph * (hi10 - Math.log10(v)) / (hi10 - lo10);
        pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}

package org.autoimplant.core.report;

import java.awt.image.BufferedImage;
import java.util.List;
import org.autoimplant.core.mesh.TriangleMesh;

/**
 * A shaded 3-D view of meshes (skull + implant): orthographic projection looking at the defect from
 * outside, z-buffer, Lambert shading with the light at the eye. Hand-written because it is ~100
 * lines on top of our own meshes and needs no OpenGL context on a headless server (Java3D/JOGL would).
 */
public final class SurfaceRenderer {
    /** A mesh and its RGB colour. */
    public record Item(TriangleMesh mesh, int rgb) {
    }

    private SurfaceRenderer() {
    }

    /**
     * Renders {@code items} seen along {@code view} (pointing from the eye into the scene), with
     * {@code up} as the image's up direction.
     */
    public static BufferedImage render(List<Item> items, double[] view, double[] up, int width, int height) {
        double[] d = normalise(view);
        double[] r = normalise(cross(d, up));
        double[] u = cross(r, d);
        double[] min = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY};
        double[] max = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Item it : items) {
            double[] v = it.mesh().vertices();
            for (int i = 0; i < v.length; i += 3) {
                double x = dot(r, v, i), y = dot(u, v, i);
                min[0] = Math.min(min[0], x);
                max[0] = Math.max(max[0], x);
                min[1] = Math.min(min[1], y);
                max[1] = Math.max(max[1], y);
            }
        }
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int bg = 0xFFFFFF;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                img.setRGB(x, y, bg);
            }
        }
        if (!(max[0] > min[0]) || !(max[1] > min[1])) {
            return img;
        }
        double scale = 0.92 * Math.min(width / (max[0] - min[0]), height / (max[1] - min[1]));
        double cx = (min[0] + max[0]) / 2, cy = (min[1] + max[1]) / 2;
        double[] depth = new double[width * height];
        java.util.Arrays.fill(depth, Double.POSITIVE_INFINITY);
        double[] n = new double[3];
        for (Item it : items) {
            TriangleMesh m = it.mesh();
            double[] v = m.vertices();
            int[] t = m.triangles();
            for (int k = 0; k < m.triangleCount(); k++) {
                m.normal(k, n);
                double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
                double facing = -(n[0] * d[0] + n[1] * d[1] + n[2] * d[2]) / len;
                if (!(facing > 0)) {
                    continue;
                }
                double[] sx = new double[3], sy = new double[3], sz = new double[3];
                for (int c = 0; c < 3; c++) {
                    int p = 3 * t[3 * k + c];
                    sx[c] = width / 2.0 + (dot(r, v, p) - cx) * scale;
                    sy[c] = height / 2.0 - (dot(u, v, p) - cy) * scale;
                    sz[c] = dot(d, v, p);
                }
                int shade = shade(it.rgb(), 0.25 + 0.75 * facing);
                fill(sx, sy, sz, shade, img, depth, width, height);
            }
        }
        return img;
    }

    private static void fill(double[] x, double[] y, double[] z, int rgb, BufferedImage img, double[] depth, int w, int h) {
        int x0 = Math.max(0, (int) Math.floor(Math.min(x[0], Math.min(x[1], x[2]))));
        int x1 = Math.min(w - 1, (int) Math.ceil(Math.max(x[0], Math.max(x[1], x[2]))));
        int y0 = Math.max(0, (int) Math.floor(Math.min(y[0], Math.min(y[1], y[2]))));
        int y1 = Math.min(h - 1, (int) Math.ceil(Math.max(y[0], Math.max(y[1], y[2]))));
        double area = (x[1] - x[0]) * (y[2] - y[0]) - (x[2] - x[0]) * (y[1] - y[0]);
        if (area == 0) {
            return;
        }
        for (int py = y0; py <= y1; py++) {
            for (int px = x0; px <= x1; px++) {
                double qx = px + 0.5, qy = py + 0.5;
                double a = ((x[1] - qx) * (y[2] - qy) - (x[2] - qx) * (y[1] - qy)) / area;
                double b = ((x[2] - qx) * (y[0] - qy) - (x[0] - qx) * (y[2] - qy)) / area;
                double c = 1 - a - b;
                if (a < 0 || b < 0 || c < 0) {
                    continue;
                }
                double zz = a * z[0] + b * z[1] + c * z[2];
                int i = py * w + px;
                if (zz < depth[i]) {
                    depth[i] = zz;
                    img.setRGB(px, py, rgb);
                }
            }
        }
    }

    private static int shade(int rgb, double f) {
        int r = (int) Math.min(255, ((rgb >> 16) & 255) * f);
        int g = (int) Math.min(255, ((rgb >> 8) & 255) * f);
        int b = (int) Math.min(255, (rgb & 255) * f);
        return r << 16 | g << 8 | b;
    }

    private static double dot(double[] a, double[] v, int i) {
        return a[0] * v[i] + a[1] * v[i + 1] + a[2] * v[i + 2];
    }

    static double[] cross(double[] a, double[] b) {
        return new double[] {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    }

    static double[] normalise(double[] a) {
        double l = Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
        if (!(l > 0)) {
            throw new IllegalArgumentException("zero direction");
        }
        return new double[] {a[0] / l, a[1] / l, a[2] / l};
    }
}

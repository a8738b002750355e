package org.autoimplant.core.data;

import java.util.Random;
import java.util.stream.IntStream;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Metadata;
import org.autoimplant.core.volume.Shape;

/**
 * Synthetic binary skulls for tests, demos and training where the AutoImplant data are not at
 * hand. Each seed gives a different skull: a closed cranial vault shaped as an ellipsoid (random
 * half-axes of about 72 × 91 × 76 mm) with smooth random deformation of ±3.5 %, bone 4–8 mm thick
 * varying smoothly over the vault, a tilted skull base plate with a foramen magnum, and two orbit
 * openings in the frontal bone. Volumes are n × n × Z in a left-posterior-superior frame; at the
 * default n = 512 the in-plane spacing is 0.40–0.50 mm and slices 0.6–1.0 mm, as in the challenge
 * data. Smaller n scales the spacing up so the head still fits (n = 128: about 1.8 mm).
 */
public final class SkullPhantom {

    /**
     * Size of a phantom: voxels along x and y (the field of view stays about 205–256 mm) and,
     * optionally, a fixed number of slices (0: as many as the head needs at a random 0.6–1.0 mm
     * slice spacing, scaled like the in-plane spacing; else the slice spacing is chosen to fit).
     * {@code boneScale} multiplies the bone thickness: 1 is anatomical; small volumes (tests, the
     * demo) may ask for thicker bone so that it stays several voxels thick after downsampling.
     */
    public record Options(int size, int slices, double boneScale) {
        public Options {
            if (!(boneScale >= 0.25 && boneScale <= 4)) {
                throw new IllegalArgumentException("bone scale must be in [0.25, 4], got " + boneScale);
            }
            if (size < 16) {
                throw new IllegalArgumentException("phantom size must be ≥ 16 voxels, got " + size);
            }
            if (slices != 0 && slices < 8) {
                throw new IllegalArgumentException("phantom slices must be ≥ 8 (or 0 for automatic), got " + slices);
            }
        }

        public Options(int size) {
            this(size, 0, 1);
        }

        public Options(int size, int slices) {
            this(size, slices, 1);
        }

        public Options withBoneScale(double scale) {
            return new Options(size, slices, scale);
        }

        public static Options challengeSize() {
            return new Options(512);
        }
    }

    private SkullPhantom() {
    }

    /** The complete skull for {@code seed}. */
    public static Mask generate(long seed, Options o) {
        Random r = new Random(seed);
        double scale = 512.0 / o.size();
        double sxy = (0.40 + 0.10 * r.nextDouble()) * scale;
        double szRandom = (0.6 + 0.4 * r.nextDouble()) * scale;
        double a = 68 + 8 * r.nextDouble();   // left-right half-width, mm
        double b = 86 + 10 * r.nextDouble();  // anterior-posterior half-length
        double c = 72 + 8 * r.nextDouble();   // half-height
        SmoothField shape = new SmoothField(r, 4);
        SmoothField thickness = new SmoothField(r, 3);
        double baseDrop = 0.25 + 0.1 * r.nextDouble();
        double baseTilt = 0.1 + 0.1 * r.nextDouble();
        double plate = 5 + 2 * r.nextDouble();

        int n = o.size();
        // Slices from 25 mm below the skull base to 12 mm above the vertex.
        double below = c * baseDrop + 0.2 * b * baseTilt + plate + 25;
        double above = c * 1.04 + 12;
        int nz = o.slices() > 0 ? o.slices() : (int) Math.ceil((below + above) / szRandom);
        double sz = o.slices() > 0 ? (below + above) / (o.slices() - 1) : szRandom;
        Shape shape3 = new Shape(n, n, nz);
        double cx = (n - 1) / 2.0 * sxy, cy = (n - 1) / 2.0 * sxy, cz = below;
        byte[] d = new byte[shape3.voxelCount()];
        double rMax = Math.max(a, Math.max(b, c)) * 1.04;

        IntStream.range(0, nz).parallel().forEach(k -> {
            double pz = k * sz - cz;
            for (int j = 0; j < n; j++) {
                double py = j * sxy - cy;
                double zBase = -c * baseDrop - baseTilt * py;
                double rest = rMax * rMax - py * py - pz * pz;
                if (rest < 0) {
                    continue;
                }
                double half = Math.sqrt(rest);
                int i0 = Math.max(0, (int) Math.floor((cx - half) / sxy));
                int i1 = Math.min(n - 1, (int) Math.ceil((cx + half) / sxy));
                int row = n * (j + n * k);
                for (int i = i0; i <= i1; i++) {
                    double px = i * sxy - cx;
                    double len = Math.sqrt(px * px + py * py + pz * pz);
                    if (len == 0) {
                        continue;
                    }
                    double ux = px / len, uy = py / len, uz = pz / len;
                    double rOut = 1 / Math.sqrt(sq(ux / a) + sq(uy / b) + sq(uz / c)) * (1 + 0.035 * shape.at(ux, uy, uz));
                    if (len > rOut || pz < zBase - plate) {
                        continue;
                    }
                    boolean bone;
                    if (pz >= zBase) {
                        double t = (6 + 2 * thickness.at(ux, uy, uz)) * o.boneScale();
                        bone = len >= rOut - t && !inOrbit(px, py, pz, zBase, a, b);
                    } else {
                        bone = !inForamenMagnum(px, py, b);
                    }
                    if (bone) {
                        d[row + i] = 1;
                    }
                }
            }
        });
        Geometry g = Geometry.ofSpace("left-posterior-superior",
                new double[][] {{sxy, 0, 0}, {0, sxy, 0}, {0, 0, sz}},
                new double[] {-cx, -cy, -cz});
        Metadata m = Metadata.empty().withKeyValue("autoimplant phantom seed", Long.toString(seed));
        return new Mask(shape3, d, g, m);
    }

    /** Two openings in the frontal bone (anterior is −y in LPS), just above the skull base. */
    private static boolean inOrbit(double px, double py, double pz, double zBase, double a, double b) {
        if (py > -0.55 * b) {
            return false;
        }
        double ez = (pz - (zBase + 17)) / 14;
        double ex = (Math.abs(px) - 0.34 * a) / 16;
        return ex * ex + ez * ez <= 1;
    }

    /** The foramen magnum: an oval opening in the posterior part of the skull base. */
    private static boolean inForamenMagnum(double px, double py, double b) {
        double ex = px / 15;
        double ey = (py - 0.3 * b) / 18;
        return ex * ex + ey * ey <= 1;
    }

    private static double sq(double v) {
        return v * v;
    }
}

package org.autoimplant.core.volume;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where the voxel grid sits in physical space: for each of the three axes a direction vector whose
 * length is the voxel spacing in mm, and the position of voxel (0,0,0). Directions are kept exactly
 * as given, tilted (non-diagonal) ones included; spacing is the length of each vector, never the
 * diagonal entry.
 *
 * <p>A geometry is one of three kinds, matching what a NRRD header can say: a full world frame
 * ({@code space} + {@code space directions} + {@code space origin}), per-axis spacings only, or
 * nothing at all (spacing taken as 1 mm and flagged unknown).
 */
public final class Geometry {

    /** How much the source said about physical space. */
    public enum Kind {
        /** Space name (or dimension), direction vectors and origin. */
        SPACE,
        /** Only per-axis spacings. */
        SPACINGS,
        /** Nothing: unit spacing assumed. */
        NONE
    }

    private final Kind kind;
    private final String space;
    private final double[][] directions;
    private final double[] origin;

    private Geometry(Kind kind, String space, double[][] directions, double[] origin) {
        this.kind = kind;
        this.space = space;
        this.directions = directions;
        this.origin = origin;
    }

    /** A world frame: {@code directions[axis]} is the step vector of that axis, all of one dimension. */
    public static Geometry ofSpace(String space, double[][] directions, double[] origin) {
        if (directions.length != 3) {
            throw new IllegalArgumentException("need 3 direction vectors, got " + directions.length);
        }
        int d = origin.length;
        double[][] copy = new double[3][];
        for (int a = 0; a < 3; a++) {
            if (directions[a].length != d) {
                throw new IllegalArgumentException("direction " + a + " has " + directions[a].length
                        + " components, origin has " + d);
            }
            copy[a] = directions[a].clone();
            double len = norm(copy[a]);
            if (!(len > 0) || !Double.isFinite(len)) {
                throw new IllegalArgumentException("direction of axis " + a + " has length " + len);
            }
        }
        for (double c : origin) {
            if (!Double.isFinite(c)) {
                throw new IllegalArgumentException("space origin " + Arrays.toString(origin) + " is not a finite point");
            }
        }
        if (d == 3) {
            // The three steps must span space: collinear or coplanar directions put every voxel of a
            // volume on a line or a plane (meshes come out flat, distances meaningless).
            double det = copy[0][0] * (copy[1][1] * copy[2][2] - copy[1][2] * copy[2][1])
                    - copy[0][1] * (copy[1][0] * copy[2][2] - copy[1][2] * copy[2][0])
                    + copy[0][2] * (copy[1][0] * copy[2][1] - copy[1][1] * copy[2][0]);
            if (Math.abs(det) < 1e-6 * norm(copy[0]) * norm(copy[1]) * norm(copy[2])) {
                throw new IllegalArgumentException("space directions " + Arrays.deepToString(copy)
                        + " do not span 3-D space (two of them are parallel, or all three lie in one plane)");
            }
        }
        return new Geometry(Kind.SPACE, space, copy, origin.clone());
    }

    /** Axis-aligned spacings without a world frame. */
    public static Geometry ofSpacings(double sx, double sy, double sz) {
        double[] s = {sx, sy, sz};
        for (double v : s) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalArgumentException("spacing must be positive and finite: " + v);
            }
        }
        return new Geometry(Kind.SPACINGS, null, diagonal(s), new double[3]);
    }

    /** Nothing known: unit spacing, origin 0. */
    public static Geometry unknown() {
        return new Geometry(Kind.NONE, null, diagonal(new double[] {1, 1, 1}), new double[3]);
    }

    public Kind kind() {
        return kind;
    }

    /** Space name such as {@code left-posterior-superior}, or null when not named. */
    public String space() {
        return space;
    }

    /** Number of world coordinates (3 for the usual spaces). */
    public int spaceDimension() {
        return origin.length;
    }

    public double[] direction(int axis) {
        return directions[axis].clone();
    }

    public double[] origin() {
        return origin.clone();
    }

    /** Voxel spacing along {@code axis} in mm: the length of that axis' direction vector. */
    public double spacing(int axis) {
        return norm(directions[axis]);
    }

    public double[] spacings() {
        return new double[] {spacing(0), spacing(1), spacing(2)};
    }

    /** True when every direction vector has a single non-zero component. */
    public boolean isAxisAligned() {
        for (double[] d : directions) {
            int nonZero = 0;
            for (double c : d) {
                if (c != 0) {
                    nonZero++;
                }
            }
            if (nonZero != 1) {
                return false;
            }
        }
        return true;
    }

    /** World position of the (possibly fractional) voxel index (i, j, k). */
    public double[] indexToWorld(double i, double j, double k) {
        double[] p = origin.clone();
        for (int c = 0; c < p.length; c++) {
            p[c] += i * directions[0][c] + j * directions[1][c] + k * directions[2][c];
        }
        return p;
    }

    /**
     * The geometry of a sub-volume whose voxel (0,0,0) is voxel (dx, dy, dz) here. Spacings-only
     * geometries become a world frame (unnamed space, origin at the shifted corner) so a crop keeps
     * its place; without any geometry there is nothing to shift.
     */
    public Geometry translated(int dx, int dy, int dz) {
        if (kind == Kind.NONE || (dx == 0 && dy == 0 && dz == 0)) {
            return this;
        }
        return new Geometry(Kind.SPACE, space, directions, indexToWorld(dx, dy, dz));
    }

    /**
     * The geometry after the grid step along each axis is multiplied by {@code f[axis]} while voxel
     * (0,0,0) stays in place (corner-aligned resampling).
     */
    public Geometry scaled(double fx, double fy, double fz) {
        double[] f = {fx, fy, fz};
        double[][] d = new double[3][];
        for (int a = 0; a < 3; a++) {
            d[a] = directions[a].clone();
            for (int c = 0; c < d[a].length; c++) {
                d[a][c] *= f[a];
            }
        }
        if (kind == Kind.NONE) {
            return this;
        }
        // Through the checks of ofSpace: a zero factor must never produce a degenerate frame.
        Geometry checked = ofSpace(space, d, origin);
        return kind == Kind.SPACE ? checked : new Geometry(kind, space, checked.directions, checked.origin);
    }

    /**
     * What differs between this grid placement and {@code other}, or null when they agree: spacing
     * (relative 1e-4), direction vectors (each component within 1e-4 of the spacing) and origin
     * (within 1 % of the smallest voxel). Two world frames are compared in full; when either has
     * only spacings (or nothing), only the spacings can be.
     */
    public String difference(Geometry other) {
        for (int a = 0; a < 3; a++) {
            double s = Math.max(spacing(a), other.spacing(a));
            if (Math.abs(spacing(a) - other.spacing(a)) > 1e-4 * s) {
                return String.format(java.util.Locale.ROOT, "spacing %s mm vs %s mm", fmt(spacings()),
                        fmt(other.spacings()));
            }
        }
        if (kind != Kind.SPACE || other.kind != Kind.SPACE) {
            return null;
        }
        if (origin.length != other.origin.length) {
            return "a " + origin.length + "-D space vs a " + other.origin.length + "-D space";
        }
        for (int a = 0; a < 3; a++) {
            for (int c = 0; c < origin.length; c++) {
                if (Math.abs(directions[a][c] - other.directions[a][c]) > 1e-4 * spacing(a)) {
                    return String.format(java.util.Locale.ROOT, "direction of axis %d %s vs %s (flipped or rotated)",
                            a, fmt(directions[a]), fmt(other.directions[a]));
                }
            }
        }
        double tol = 0.01 * Math.min(spacing(0), Math.min(spacing(1), spacing(2)));
        for (int c = 0; c < origin.length; c++) {
            if (Math.abs(origin[c] - other.origin[c]) > tol) {
                return String.format(java.util.Locale.ROOT, "origin %s vs %s mm (moved by %.3g mm)", fmt(origin),
                        fmt(other.origin), distance(origin, other.origin));
            }
        }
        return null;
    }

    private static String fmt(double[] v) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(java.util.Locale.ROOT, "%.6g", v[i]));
        }
        return b.append(')').toString();
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double c : v) {
            s += c * c;
        }
        return Math.sqrt(s);
    }

    private static double[][] diagonal(double[] s) {
        double[][] d = new double[3][3];
        for (int a = 0; a < 3; a++) {
            d[a][a] = s[a];
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Geometry g && kind == g.kind && Objects.equals(space, g.space)
                && Arrays.deepEquals(directions, g.directions) && Arrays.equals(origin, g.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, space, Arrays.deepHashCode(directions), Arrays.hashCode(origin));
    }

    @Override
    public String toString() {
        return "Geometry[" + kind + (space != null ? " " + space : "") + ", directions="
                + Arrays.deepToString(directions) + ", origin=" + Arrays.toString(origin) + "]";
    }
}

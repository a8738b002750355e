package org.autoimplant.core.data;

import java.util.Locale;
import java.util.Random;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * Cuts an artificial defect out of a complete skull: defective = skull minus region, implant =
 * skull ∩ region, so implant ∪ defective = skull and they never overlap. Cube and sphere defects
 * are centred on a random bone voxel of the top quarter of the skull, as the AutoImplant generator
 * places them; varied ones anywhere on the vault. A position whose region removes almost no bone is
 * rejected and another one drawn, so every implant is substantial. Same seed, same defect.
 */
public final class DefectInjector {
    private static final int ATTEMPTS = 100;

    /** The result: the two masks and a one-line description of what was cut where. */
    public record Defect(Mask defective, Mask implant, String description) {
        /** More than this share of the skull removed is no cranial defect any more. */
        public static final double MOST = 0.5;

        /** A warning when the defect removes most of the skull (too large a size for this skull), else null. */
        public String warning() {
            long removed = implant.count();
            long total = removed + defective.count();
            if (total == 0 || removed <= MOST * total) {
                return null;
            }
            return String.format(Locale.ROOT, "the defect removes %.0f %% of the skull, which leaves no skull to fit an"
                    + " implant to: choose a smaller size (--size, now in voxels of this %s grid)", 100.0 * removed / total,
                    implant.shape());
        }
    }

    /** Membership test of a defect region in voxel coordinates. */
    private interface Region {
        boolean contains(double x, double y, double z);
    }

    private DefectInjector() {
    }

    /**
     * @param size cube side or ball diameter in voxels (in-plane); for varied defects the typical
     *     diameter
     */
    public static Defect inject(Mask skull, DefectShape shape, int size, long seed) {
        if (size < 2) {
            throw new IllegalArgumentException("defect size must be ≥ 2 voxels, got " + size);
        }
        Box bb = MaskOps.boundingBox(skull);
        if (bb == null) {
            throw new IllegalArgumentException("the skull mask is empty");
        }
        long skullVoxels = skull.count();
        long minimum = Math.max(20, skullVoxels / 500);
        if (shape == DefectShape.FIXED) {
            return fixed(skull, size, minimum, skullVoxels);
        }
        // Challenge defects come from the top quarter of the skull; varied ones from the vault,
        // everything above the lower third.
        int zFrom = shape == DefectShape.VARIED ? bb.z0() + bb.sz() / 3 : bb.z1() - Math.max(1, bb.sz() / 4);
        Random r = new Random(seed);
        double[] sp = skull.geometry().spacings();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int[] c = randomBoneVoxel(skull, bb, zFrom, r);
            if (c == null) {
                break;
            }
            String[] what = new String[1];
            Region region = region(shape, size, c, sp, r, what);
            Defect d = cut(skull, region, boxAround(c, size, sp, shape));
            long removed = d.implant.count();
            if (removed >= minimum) {
                return new Defect(d.defective, d.implant, String.format(Locale.ROOT, "%s at voxel (%d, %d, %d), %d"
                        + " voxels removed (%.1f %% of the skull)", what[0], c[0], c[1], c[2], removed,
                        100.0 * removed / skullVoxels));
            }
        }
        throw new IllegalArgumentException("could not place a " + shape.name().toLowerCase(Locale.ROOT) + " defect of size "
                + size + " that removes at least " + minimum + " bone voxels in " + ATTEMPTS + " attempts");
    }

    private static Defect fixed(Mask skull, int size, long minimum, long skullVoxels) {
        Shape s = skull.shape();
        double[] sp = skull.geometry().spacings();
        int cx = s.nx() / 2;
        int cy = (int) (0.62 * s.ny());
        int top = -1;
        for (int z = s.nz() - 1; z >= 0 && top < 0; z--) {
            if (skull.get(cx, cy, z)) {
                top = z;
            }
        }
        if (top < 0) {
            throw new IllegalArgumentException("no bone at the fixed defect place (x " + cx + ", y " + cy + ")");
        }
        double half = size / 2.0;
        double zs = sp[2] / sp[0];
        int t = top;
        Region region = (x, y, z) -> Math.abs(x - cx) < half && Math.abs(y - cy) < half && (t - z) * zs < size;
        int reachZ = (int) Math.ceil(size / zs) + 1;
        int reach = size / 2 + 2;
        Defect d = cut(skull, region, new Box(cx - reach, cy - reach, top - reachZ, 2 * reach + 1, 2 * reach + 1,
                s.nz() - (top - reachZ)));
        long removed = d.implant.count();
        if (removed < minimum) {
            throw new IllegalArgumentException("the fixed cube of side " + size + " at (" + cx + ", " + cy + ", " + top
                    + ") removes only " + removed + " bone voxels, fewer than " + minimum);
        }
        return new Defect(d.defective, d.implant, String.format(Locale.ROOT, "cube of side %d at the fixed place, top"
                + " voxel (%d, %d, %d), %d voxels removed (%.1f %% of the skull)", size, cx, cy, top, removed,
                100.0 * removed / skullVoxels));
    }

    private static Region region(DefectShape shape, int size, int[] c, double[] sp, Random r, String[] what) {
        double half = size / 2.0;
        switch (shape) {
            case CUBE -> {
                what[0] = "cube of side " + size;
                return (x, y, z) -> Math.abs(x - c[0]) < half && Math.abs(y - c[1]) < half
                        && Math.abs((z - c[2]) * sp[2] / sp[0]) < half;
            }
            case SPHERE -> {
                what[0] = "sphere of diameter " + size;
                return (x, y, z) -> sq(x - c[0]) + sq(y - c[1]) + sq((z - c[2]) * sp[2] / sp[0]) < half * half;
            }
            default -> {
                return variedRegion(size, c, sp, r, what);
            }
        }
    }

    /** An ellipsoid, a smooth irregular blob, or a cluster of balls; sizes in in-plane voxels. */
    private static Region variedRegion(int size, int[] c, double[] sp, Random r, String[] what) {
        double zs = sp[2] / sp[0];
        int kind = r.nextInt(3);
        double[][] rot = randomRotation(r);
        double[] radii = {size * (0.2 + 0.35 * r.nextDouble()), size * (0.2 + 0.35 * r.nextDouble()),
            size * (0.2 + 0.35 * r.nextDouble())};
        if (kind == 0) {
            what[0] = String.format(Locale.ROOT, "ellipsoid of radii %.0f×%.0f×%.0f", radii[0], radii[1], radii[2]);
            return (x, y, z) -> ellipsoid(rot, radii, x - c[0], y - c[1], (z - c[2]) * zs) <= 1;
        }
        if (kind == 1) {
            SmoothField f = new SmoothField(r, 3);
            what[0] = String.format(Locale.ROOT, "irregular blob of radii about %.0f×%.0f×%.0f", radii[0], radii[1],
                    radii[2]);
            return (x, y, z) -> {
                double dx = x - c[0], dy = y - c[1], dz = (z - c[2]) * zs;
                double e = ellipsoid(rot, radii, dx, dy, dz);
                if (e > 2.0) {
                    return false;
                }
                double len = Math.sqrt(dx * dx + dy * dy + dz * dz) + 1e-9;
                return Math.sqrt(e) <= 1 + 0.35 * f.at(dx / len, dy / len, dz / len);
            };
        }
        int balls = 2 + r.nextInt(3);
        double[][] centres = new double[balls][];
        double[] ballRadius = new double[balls];
        for (int i = 0; i < balls; i++) {
            double rad = size * (i == 0 ? 0.3 + 0.2 * r.nextDouble() : 0.15 + 0.15 * r.nextDouble());
            double off = i == 0 ? 0 : ballRadius[0] * (0.5 + 0.5 * r.nextDouble());
            double[] dir = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double len = Math.sqrt(sq(dir[0]) + sq(dir[1]) + sq(dir[2])) + 1e-9;
            centres[i] = new double[] {dir[0] / len * off, dir[1] / len * off, dir[2] / len * off};
            ballRadius[i] = rad;
        }
        what[0] = String.format(Locale.ROOT, "cluster of %d balls (main radius %.0f)", balls, ballRadius[0]);
        return (x, y, z) -> {
            double dx = x - c[0], dy = y - c[1], dz = (z - c[2]) * zs;
            for (int i = 0; i < balls; i++) {
                if (sq(dx - centres[i][0]) + sq(dy - centres[i][1]) + sq(dz - centres[i][2]) <= sq(ballRadius[i])) {
                    return true;
                }
            }
            return false;
        };
    }

    private static double ellipsoid(double[][] rot, double[] radii, double dx, double dy, double dz) {
        double e = 0;
        for (int a = 0; a < 3; a++) {
            double p = rot[a][0] * dx + rot[a][1] * dy + rot[a][2] * dz;
            e += sq(p / radii[a]);
        }
        return e;
    }

    /** A uniformly random rotation matrix (from a random unit quaternion). */
    private static double[][] randomRotation(Random r) {
        double w = r.nextGaussian(), x = r.nextGaussian(), y = r.nextGaussian(), z = r.nextGaussian();
        double n = Math.sqrt(w * w + x * x + y * y + z * z);
        w /= n;
        x /= n;
        y /= n;
        z /= n;
        return new double[][] {
            {1 - 2 * (y * y + z * z), 2 * (x * y - z * w), 2 * (x * z + y * w)},
            {2 * (x * y + z * w), 1 - 2 * (x * x + z * z), 2 * (y * z - x * w)},
            {2 * (x * z - y * w), 2 * (y * z + x * w), 1 - 2 * (x * x + y * y)},
        };
    }

    /** Voxel box that holds the region: up to one size around the centre (varied shapes reach further). */
    private static Box boxAround(int[] c, int size, double[] sp, DefectShape shape) {
        int reach = shape == DefectShape.VARIED ? size + 2 : size / 2 + 2;
        int reachZ = (int) Math.ceil(reach * sp[0] / sp[2]) + 1;
        return new Box(c[0] - reach, c[1] - reach, c[2] - reachZ, 2 * reach + 1, 2 * reach + 1, 2 * reachZ + 1);
    }

    private static Defect cut(Mask skull, Region region, Box around) {
        Shape s = skull.shape();
        byte[] defective = skull.data().clone();
        byte[] implant = new byte[defective.length];
        Box box = around.clampedTo(s);
        if (box != null) {
            for (int z = box.z0(); z < box.z1(); z++) {
                for (int y = box.y0(); y < box.y1(); y++) {
                    for (int x = box.x0(); x < box.x1(); x++) {
                        int i = s.index(x, y, z);
                        if (defective[i] != 0 && region.contains(x, y, z)) {
                            defective[i] = 0;
                            implant[i] = 1;
                        }
                    }
                }
            }
        }
        return new Defect(new Mask(s, defective, skull.geometry(), skull.metadata()),
                new Mask(s, implant, skull.geometry(), skull.metadata()), "");
    }

    /** A random foreground voxel with z ≥ zFrom, found by sampling columns; null if there is none. */
    private static int[] randomBoneVoxel(Mask m, Box bb, int zFrom, Random r) {
        Shape s = m.shape();
        byte[] d = m.data();
        for (int tries = 0; tries < 10_000; tries++) {
            int x = bb.x0() + r.nextInt(bb.sx());
            int y = bb.y0() + r.nextInt(bb.sy());
            int z = Math.max(zFrom, bb.z0()) + r.nextInt(Math.max(1, bb.z1() - Math.max(zFrom, bb.z0())));
            if (d[s.index(x, y, z)] != 0) {
                return new int[] {x, y, z};
            }
        }
        // Sparse shells: scan the allowed slab instead.
        long count = 0;
        for (int z = Math.max(zFrom, bb.z0()); z < bb.z1(); z++) {
            for (int y = bb.y0(); y < bb.y1(); y++) {
                for (int x = bb.x0(); x < bb.x1(); x++) {
                    count += d[s.index(x, y, z)];
                }
            }
        }
        if (count == 0) {
            return null;
        }
        long pick = (long) (r.nextDouble() * count);
        for (int z = Math.max(zFrom, bb.z0()); z < bb.z1(); z++) {
            for (int y = bb.y0(); y < bb.y1(); y++) {
                for (int x = bb.x0(); x < bb.x1(); x++) {
                    if (d[s.index(x, y, z)] != 0 && pick-- == 0) {
                        return new int[] {x, y, z};
                    }
                }
            }
        }
        return null;
    }

    private static double sq(double v) {
        return v * v;
    }
}

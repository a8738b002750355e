package org.autoimplant.core.volume;

/**
 * Voxel counts along x, y, z; x varies fastest in memory. The voxel count is limited to what one
 * Java array can hold, which is checked here once so every index computation below is int-safe.
 */
public record Shape(int nx, int ny, int nz) {

    /** Largest voxel count one volume may have (the JVM's practical array limit). */
    public static final long MAX_VOXELS = Integer.MAX_VALUE - 8L;

    public Shape {
        if (nx <= 0 || ny <= 0 || nz <= 0) {
            throw new IllegalArgumentException("sizes must be positive: " + nx + "×" + ny + "×" + nz);
        }
        long n = (long) nx * ny * nz;
        if (n > MAX_VOXELS) {
            throw new IllegalArgumentException("volume of " + nx + "×" + ny + "×" + nz + " = " + n
                    + " voxels exceeds the limit of " + MAX_VOXELS);
        }
    }

    public int voxelCount() {
        return nx * ny * nz;
    }

    public int index(int x, int y, int z) {
        return x + nx * (y + ny * z);
    }

    public int size(int axis) {
        return switch (axis) {
            case 0 -> nx;
            case 1 -> ny;
            case 2 -> nz;
            default -> throw new IllegalArgumentException("axis " + axis);
        };
    }

    public boolean contains(Box box) {
        return box.x0() >= 0 && box.y0() >= 0 && box.z0() >= 0
                && box.x0() + box.sx() <= nx && box.y0() + box.sy() <= ny && box.z0() + box.sz() <= nz;
    }

    /** The box covering the whole volume. */
    public Box bounds() {
        return new Box(0, 0, 0, nx, ny, nz);
    }

    /** Parses sizes written {@code X,Y,Z} (or {@code XxYxZ}); a malformed text is an IllegalArgumentException saying so. */
    public static Shape parse(String value) {
        String[] p = (value == null ? "" : value).trim().split("\\s*[,x×]\\s*");
        if (p.length != 3) {
            throw new IllegalArgumentException("size must be X,Y,Z, not '" + value + "'");
        }
        try {
            return new Shape(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()), Integer.parseInt(p[2].trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad size '" + value + "': " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return nx + "×" + ny + "×" + nz;
    }
}

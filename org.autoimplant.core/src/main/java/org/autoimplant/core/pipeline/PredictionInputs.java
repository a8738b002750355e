package org.autoimplant.core.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.io.ValueCensus;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.volume.Geometry;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.SpacingRange;
import org.autoimplant.core.volume.Volume;

/**
 * What prediction accepts, checked before the networks run, so that a wrong input is an error that
 * says what is wrong instead of an implant that is not one: a head-sized 3-D grid, a binary skull
 * mask (not a CT in Hounsfield units, not a probability map, no NaN), with some bone but not a
 * solid block. And what it warns about afterwards: an empty or implausibly large implant.
 */
public final class PredictionInputs {
    /** Physical extent of a head across the scan plane, mm (a SkullFix CT spans 200–300 mm). */
    static final double MIN_EXTENT_MM = 80, MAX_EXTENT_MM = 600;
    /** Fewest voxels per axis the networks' downsampling can work from. */
    static final int MIN_VOXELS = 16;
    /** Share of the volume a skull mask occupies (SkullFix: 4–7 %). */
    static final double MIN_BONE = 0.001, MAX_BONE = 0.4;
    /** An implant larger than this share of the remaining skull is flagged. */
    static final double MAX_IMPLANT_SHARE = 0.35;

    private PredictionInputs() {
    }

    /**
     * The grid of {@code name}: refused when it cannot be a head. Returns no warnings itself (the
     * list is for callers' convenience); how unusual the spacing is depends on the model, see
     * {@link #spacingWarning}.
     */
    public static List<String> checkGrid(String name, Shape shape, Geometry g) throws IOException {
        double[] sp = g.spacings();
        for (int a = 0; a < 3; a++) {
            if (shape.size(a) < MIN_VOXELS) {
                throw new IOException(name + ": " + shape + " is too small to be a skull scan (at least " + MIN_VOXELS
                        + " voxels along each axis are needed)");
            }
        }
        for (int a = 0; a < 2; a++) {
            double extent = shape.size(a) * sp[a];
            if (extent < MIN_EXTENT_MM || extent > MAX_EXTENT_MM) {
                throw new IOException(String.format(Locale.ROOT, "%s: %s voxels of %.3g mm span %.0f mm along %s, not"
                        + " a head (%.0f–%.0f mm)%s", name, shape, sp[a], extent, a == 0 ? "x" : "y", MIN_EXTENT_MM,
                        MAX_EXTENT_MM, g.kind() == Geometry.Kind.NONE ? "; the file gives no spacing, so 1 mm was"
                                + " assumed: add spacings or space directions to its header" : ""));
            }
        }
        return new ArrayList<>();
    }

    /**
     * A warning when {@code g}'s spacing lies far (beyond {@link SpacingRange#TOLERANCE}) from what
     * {@code model} was trained on; for a model whose file does not record that, when it is unusual
     * for a head CT (0.2–1.2 mm in-plane, 0.2–3 mm slices). Null when nothing is unusual.
     */
    public static String spacingWarning(String name, Geometry g, ModelMetadata model) {
        double[] sp = g.spacings();
        SpacingRange trained = model == null ? null : model.trainingSpacingRange();
        if (trained != null) {
            return trained.near(g) ? null : String.format(Locale.ROOT, "%s: voxel spacing %.3g × %.3g × %.3g mm lies"
                    + " far from what the %s model was trained on (%s): check the result", name, sp[0], sp[1], sp[2],
                    model.role().id(), trained);
        }
        if (sp[0] < 0.2 || sp[0] > 1.2 || sp[1] < 0.2 || sp[1] > 1.2 || sp[2] < 0.2 || sp[2] > 3) {
            return String.format(Locale.ROOT, "%s: unusual voxel spacing %.3g × %.3g × %.3g mm for a head CT (usually"
                    + " 0.2–1.2 mm in-plane, 0.2–3 mm slices): check the result", name, sp[0], sp[1], sp[2]);
        }
        return null;
    }

    /** Reads {@code file} as a skull mask, refusing values a binary mask cannot have; warnings go to {@code warnings}. */
    public static Mask readSkullMask(Path file, List<String> warnings) throws IOException {
        NrrdReader.MaskWithCensus m = NrrdReader.readMaskWithCensus(file);
        checkValues(file.toString(), m.census());
        warnings.addAll(checkGrid(file.toString(), m.mask().shape(), m.mask().geometry()));
        checkBone(file.toString(), m.mask());
        return m.mask();
    }

    /**
     * A volume from a table (KNIME) as a skull mask, checked like a file: values (unless it is a
     * stored mask already), grid and bone; warnings go to {@code warnings}.
     */
    public static Mask skullMask(String name, Volume v, boolean storedAsMask, List<String> warnings)
            throws IOException {
        if (!storedAsMask) {
            checkValues(name, ValueCensus.of(v));
        }
        Mask m = v.toMask();
        warnings.addAll(checkGrid(name, m.shape(), m.geometry()));
        checkBone(name, m);
        return m;
    }

    /** Refuses what is not a binary mask: NaN/infinite values, negative values (HU), several levels. */
    static void checkValues(String name, ValueCensus c) throws IOException {
        if (c.nonFinite() > 0) {
            throw new IOException(String.format(Locale.ROOT, "%s: %,d voxels are NaN or infinite; a skull mask holds"
                    + " 0 and 1 only", name, c.nonFinite()));
        }
        if (c.min() < -100) {
            throw new IOException(String.format(Locale.ROOT, "%s: looks like a CT in Hounsfield units (values %.0f …"
                    + " %.0f), not a skull mask: run `autoimplant skull` on it first", name, c.min(), c.max()));
        }
        if (!c.isBinary()) {
            throw new IOException(String.format(Locale.ROOT, "%s: not a binary mask (values %.4g … %.4g with more than"
                    + " two levels; a probability map or a CT?): threshold it or run `autoimplant skull` first", name,
                    c.min(), c.max()));
        }
    }

    /** Refuses a mask with no bone, or so much that it is not a skull. */
    public static void checkBone(String name, Mask m) throws IOException {
        long bone = m.count();
        double share = (double) bone / m.shape().voxelCount();
        if (bone == 0) {
            throw new IOException(name + ": the skull mask is empty (no voxel is bone): nothing to design an implant"
                    + " for");
        }
        if (share < MIN_BONE || share > MAX_BONE) {
            throw new IOException(String.format(Locale.ROOT, "%s: %.2g %% of the volume is bone, implausible for a"
                    + " skull mask (a head CT's skull is 2–10 %%)%s", name, 100 * share,
                    share > MAX_BONE ? ": was a CT thresholded at 0?" : ""));
        }
    }

    /** A warning about an implant nobody should print without looking, or null. */
    public static String implantWarning(String name, Mask implant, Mask defective) {
        long n = implant.count();
        if (n == 0) {
            return name + ": warning: the predicted implant is empty; is the defect where the model has seen defects?"
                    + " (the direct models know the SkullFix defect region; try --mode completion)";
        }
        long skull = defective.count();
        if (skull > 0 && n > MAX_IMPLANT_SHARE * skull) {
            double[] sp = implant.geometry().spacings();
            return String.format(Locale.ROOT, "%s: warning: the predicted implant (%.0f cm³) is %.0f %% of the"
                    + " remaining skull: check it before use", name, n * sp[0] * sp[1] * sp[2] / 1000, 100.0 * n / skull);
        }
        return null;
    }
}

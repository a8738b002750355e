package org.autoimplant.core.nodecore.crop;

import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.model.NetworkSpec;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.pipeline.CropPlan;
import org.autoimplant.core.pipeline.ImplantCrops;
import org.autoimplant.core.volume.Box;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * The BBox Cropper node (SPEC step 4): the coarse implant's bounding box on the full-resolution
 * skull, widened by the margin in x and y, a window of the N2 depth in z, clamped inside the
 * volume, zero-padded into the N2 input; a box wider than the input gives several overlapping
 * tiles, one row each. With the true implant, its crops come along (to train N2), and a case whose
 * coarse implant is empty is cropped around the true implant instead, so it still teaches N2.
 */
public final class BBoxCropping {
    /** @param margin voxels around the box in x and y (20 in the paper); @param input the N2 input size */
    public record Settings(int margin, Shape input) {
        public static Settings defaults() {
            return new Settings(20, NetworkSpec.N2_INPUT);
        }

        public void validate() throws NodeSettingsException {
            NodeSettingsException.require(margin >= 0 && margin <= 256, "The margin must be 0 … 256 voxels");
            NodeSettingsException.require(input != null, "Choose the N2 input size");
        }
    }

    /** One N2 input: its plan (as cell text), the defective skull crop, and the implant crop or null. */
    public record Tile(int index, String plan, Mask defective, Mask implant) {
        /** True for the tile of a case without implant: no crops. */
        public boolean none() {
            return defective == null;
        }
    }

    private BBoxCropping() {
    }

    /**
     * The tiles of one case. When both the coarse and the true implant are empty (or absent) there is
     * nothing to crop around: one tile without crops (null) and the plan "no implant", so the case
     * still reaches the restorer, which gives it an empty implant, as the command line's predict does.
     */
    public static List<Tile> apply(Settings s, Mask defective, Mask coarse, Mask implant) {
        MaskOps.requireSameShape(defective, coarse);
        if (implant != null) {
            MaskOps.requireSameShape(defective, implant);
        }
        Box box = MaskOps.boundingBox(coarse);
        if (box == null && implant != null) {
            box = MaskOps.boundingBox(implant);
        }
        List<Tile> tiles = new ArrayList<>();
        if (box == null) {
            tiles.add(new Tile(0, CropPlans.formatNone(defective.shape()), null, null));
            return tiles;
        }
        for (CropPlan p : ImplantCrops.plan(box, defective.shape(), s.input(), s.margin())) {
            tiles.add(new Tile(tiles.size(), CropPlans.format(p, defective.shape()), p.crop(defective),
                    implant == null ? null : p.crop(implant)));
        }
        return tiles;
    }
}

package org.autoimplant.core.nodecore.crop;

import org.autoimplant.core.ops.MaskOps;
import org.autoimplant.core.pipeline.CropPlan;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;

/**
 * The BBox Restorer node (SPEC step 5): the exact inverse of the cropper. Each fine crop goes back
 * into an empty volume of the case's full grid (tiles of one case in consecutive rows, united),
 * placed in patient space by the crop's own geometry. With the defective skull the implant is
 * cleaned as the two-step predictor cleans it: no voxel where bone remains, optionally only the
 * largest connected part.
 */
public final class BBoxRestoring {
    /** @param largestComponent keep only the largest 26-connected part (needs the defective skull) */
    public record Settings(boolean largestComponent) {
        public static Settings defaults() {
            return new Settings(false);
        }
    }

    /** The full-resolution implant of one case, built up tile by tile. */
    public static final class Case {
        private Mask full;

        private Shape noImplantGrid;

        /**
         * Puts {@code fine} (an N2 output for the crop planned by {@code planText}) into the case;
         * {@code fine} is null, and the plan "no implant", for a case the cropper found nothing in.
         */
        public void add(Mask fine, String planText) {
            CropPlans.Placed p = CropPlans.parse(planText);
            if (p.none() != (fine == null)) {
                throw new IllegalArgumentException(fine == null ? "no fine implant crop for plan '" + planText + "'"
                        : "a fine implant crop for a case without implant (plan '" + planText + "')");
            }
            if (p.none()) {
                noImplantGrid = p.grid();
                return;
            }
            CropPlan plan = p.plan();
            if (!fine.shape().equals(plan.padded())) {
                throw new IllegalArgumentException("the fine crop is " + fine.shape() + " but its plan says "
                        + plan.padded());
            }
            if (full == null) {
                full = Mask.empty(p.grid(), fine.geometry().translated(plan.ox() - plan.source().x0(),
                        plan.oy() - plan.source().y0(), plan.oz() - plan.source().z0()));
            } else if (!full.shape().equals(p.grid())) {
                throw new IllegalArgumentException("tiles of one case disagree on the grid: " + full.shape() + " and "
                        + p.grid());
            }
            plan.paste(fine, full);
        }

        /** The implant; cleaned against {@code defective} when given. */
        public Mask implant(Settings s, Mask defective) {
            if (full == null && noImplantGrid != null) {
                if (defective == null) {
                    throw new IllegalArgumentException("the cropper found no implant in this case, so it has no tile to"
                            + " restore: choose the defective skull column, whose grid its empty implant takes");
                }
                if (!defective.shape().equals(noImplantGrid)) {
                    throw new IllegalArgumentException("the defective skull is " + defective.shape()
                            + " but the crop plan's grid is " + noImplantGrid);
                }
                return Mask.empty(defective.shape(), defective.geometry());
            }
            if (full == null) {
                throw new IllegalStateException("no tile added");
            }
            if (defective == null) {
                return full;
            }
            MaskOps.requireSameShape(full, defective);
            Mask cleaned = TwoStepPredictor.postProcess(full, defective, s.largestComponent());
            return new Mask(defective.shape(), cleaned.data(), defective.geometry(), defective.metadata());
        }

        public Shape grid() {
            return full == null ? null : full.shape();
        }
    }

    private BBoxRestoring() {
    }
}

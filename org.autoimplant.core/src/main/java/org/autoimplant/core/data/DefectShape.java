package org.autoimplant.core.data;

import java.util.Locale;

/** The kinds of artificial defect {@link DefectInjector} cuts. */
public enum DefectShape {
    /** A cube of side s voxels from the top quarter of the skull, as the AutoImplant generator. */
    CUBE,
    /**
     * A cube of side s voxels at one fixed place, whatever the seed: centred at x = nx/2,
     * y = 0.62·ny, reaching s voxels down from the top of the skull there. The AutoImplant 2020
     * training defects all sit at nearly the same spot; with defects at random places small networks
     * trained on a few phantoms do not generalise to unseen ones (issue 5's notes), with this they do.
     */
    FIXED,
    /** A ball of diameter s voxels from the top quarter of the skull, as the AutoImplant generator. */
    SPHERE,
    /**
     * The robustness family: ellipsoids, irregular smooth blobs and clusters of overlapping balls
     * of random size and orientation anywhere on the cranial vault.
     */
    VARIED;

    public static DefectShape parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("defect shape must be cube, fixed, sphere or varied, not '" + s + "'");
        }
    }
}

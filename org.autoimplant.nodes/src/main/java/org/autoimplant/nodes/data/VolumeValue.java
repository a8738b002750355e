package org.autoimplant.nodes.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import javax.swing.Icon;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VolumeSummary;
import org.knime.core.data.DataValue;
import org.knime.core.data.DataValueComparator;
import org.knime.core.data.ExtensibleUtilityFactory;

/**
 * A 3-D volume in a KNIME table: a skull or implant mask, or a CT, with its geometry. What tables
 * show (sizes, spacing, voxel type, non-zero voxels, a thumbnail) comes without reading the
 * voxels; {@link #getVolume()} reads them on first use.
 */
public interface VolumeValue extends DataValue {
    /** Meta information of the type: name, icon, renderers, comparator. */
    UtilityFactory UTILITY = new VolumeUtilityFactory();

    /** Sizes, spacing, type and non-zero count, without reading the voxels. */
    VolumeSummary getSummary();

    /** Three orthogonal slices through the centre of mass, made when the volume was stored. */
    BufferedImage getThumbnail();

    /**
     * The voxels with their geometry, read on first use and then cached softly. Shared between
     * callers: treat as read-only and copy before changing it.
     */
    Volume getVolume() throws IOException;

    /** The voxels as a binary mask (any value &gt; 0 is inside); shares the voxels of a stored mask. */
    Mask getMask() throws IOException;

    /** Name and comparator (by non-zero voxels) of the volume type. */
    final class VolumeUtilityFactory extends ExtensibleUtilityFactory {
        private VolumeUtilityFactory() {
            super(VolumeValue.class);
        }

        @Override
        public String getName() {
            return "Volume";
        }

        @Override
        public String getGroupName() {
            return "AutoImplant";
        }

        @Override
        public Icon getIcon() {
            return VolumeIcons.TYPE;
        }

        @Override
        protected DataValueComparator getComparator() {
            return new DataValueComparator() {
                @Override
                protected int compareDataValues(DataValue a, DataValue b) {
                    return Long.compare(((VolumeValue) a).getSummary().nonZero(), ((VolumeValue) b).getSummary().nonZero());
                }
            };
        }
    }
}

package org.autoimplant.nodes.data;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.SoftReference;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.autoimplant.core.io.NrrdReader;
import org.autoimplant.core.volume.ByteVoxels;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Shape;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VolumeSummary;
import org.autoimplant.core.volume.VoxelType;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataCellDataInput;
import org.knime.core.data.DataCellDataOutput;
import org.knime.core.data.DataCellSerializer;
import org.knime.core.data.DataType;
import org.knime.core.data.filestore.FileStore;
import org.knime.core.data.filestore.FileStoreCell;

/**
 * A volume stored in a KNIME file store as NRRD (masks as unsigned char, gzip), so a table of a
 * hundred 512×512×300 skulls holds a few kB per row on the heap: the cell itself carries only the
 * {@link VolumeSummary} and a thumbnail PNG; the voxels are read when first asked for and kept
 * behind a soft reference, which the JVM clears before it runs out of memory. Create cells with
 * {@link VolumeCells}.
 */
public final class VolumeCell extends FileStoreCell implements VolumeValue {
    private static final long serialVersionUID = 1L;
    /** The KNIME type of volume columns. */
    public static final DataType TYPE = DataType.getType(VolumeCell.class);
    /** Version of the serialized form below; readers refuse newer ones by name. */
    private static final int FORMAT = 1;

    private final VolumeSummary summary;
    private final byte[] thumbnailPng;
    private transient SoftReference<Volume> cache;

    VolumeCell(FileStore store, VolumeSummary summary, byte[] thumbnailPng, Volume written) {
        super(store);
        this.summary = summary;
        this.thumbnailPng = thumbnailPng;
        this.cache = new SoftReference<>(written);
    }

    private VolumeCell(VolumeSummary summary, byte[] thumbnailPng) {
        super();
        this.summary = summary;
        this.thumbnailPng = thumbnailPng;
    }

    @Override
    public VolumeSummary getSummary() {
        return summary;
    }

    @Override
    public BufferedImage getThumbnail() {
        try {
            return ImageIO.read(new ByteArrayInputStream(thumbnailPng));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file holding the voxels (in the workflow's data area). */
    public Path file() {
        return getFileStores()[0].getFile().toPath();
    }

    /** True while the voxels are in memory (for diagnostics and tests of lazy loading). */
    public boolean isLoaded() {
        SoftReference<Volume> c = cache;
        return c != null && c.get() != null;
    }

    @Override
    public synchronized Volume getVolume() throws IOException {
        Volume v = cache == null ? null : cache.get();
        if (v == null) {
            v = NrrdReader.read(file());
            if (summary.mask() && v.type() != VoxelType.UINT8) {
                v = v.toMask().asVolume();
            }
            cache = new SoftReference<>(v);
        }
        return v;
    }

    @Override
    public Mask getMask() throws IOException {
        Volume v = getVolume();
        if (summary.mask() && v.data() instanceof ByteVoxels b) {
            return new Mask(v.shape(), b.data(), v.geometry(), v.metadata());
        }
        return v.toMask();
    }

    @Override
    public String toString() {
        return summary.toString();
    }

    @Override
    protected boolean equalFileStoreContent(DataCell dc) {
        return summary.equals(((VolumeCell) dc).summary);
    }

    @Override
    public int hashCode() {
        return summary.hashCode();
    }

    /** Writes the summary and the thumbnail; KNIME stores the file store key itself. */
    public static final class Serializer implements DataCellSerializer<VolumeCell> {
        @Override
        public void serialize(VolumeCell cell, DataCellDataOutput out) throws IOException {
            VolumeSummary s = cell.summary;
            out.writeInt(FORMAT);
            out.writeInt(s.shape().nx());
            out.writeInt(s.shape().ny());
            out.writeInt(s.shape().nz());
            out.writeDouble(s.spacingX());
            out.writeDouble(s.spacingY());
            out.writeDouble(s.spacingZ());
            out.writeUTF(s.type().name());
            out.writeLong(s.nonZero());
            out.writeBoolean(s.mask());
            out.writeInt(cell.thumbnailPng.length);
            out.write(cell.thumbnailPng);
        }

        @Override
        public VolumeCell deserialize(DataCellDataInput in) throws IOException {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IOException("volume cell format " + format + " is newer than this AutoImplant version reads"
                        + " (" + FORMAT + "): update the AutoImplant extension");
            }
            Shape shape = new Shape(in.readInt(), in.readInt(), in.readInt());
            double sx = in.readDouble(), sy = in.readDouble(), sz = in.readDouble();
            VoxelType type = VoxelType.valueOf(in.readUTF());
            long nonZero = in.readLong();
            boolean mask = in.readBoolean();
            byte[] png = new byte[in.readInt()];
            in.readFully(png);
            return new VolumeCell(new VolumeSummary(shape, sx, sy, sz, type, nonZero, mask), png);
        }
    }
}

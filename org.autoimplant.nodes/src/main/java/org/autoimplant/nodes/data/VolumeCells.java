package org.autoimplant.nodes.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.autoimplant.core.io.NrrdEncoding;
import org.autoimplant.core.io.NrrdWriteOptions;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.report.VolumeThumbnail;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VolumeSummary;
import org.knime.core.data.filestore.FileStore;

/** Makes {@link VolumeCell}s: writes the voxels into a new file store and draws the thumbnail once. */
public final class VolumeCells {
    /** Pixels per thumbnail panel: three panels side by side. */
    public static final int THUMBNAIL_SIZE = 64;
    // gzip level 1: file stores are written on every execution and read back by the next node;
    // level 1 is about twice as fast as 6 for some 30 % larger files.
    private static final NrrdWriteOptions STORE = NrrdWriteOptions.defaults().withEncoding(NrrdEncoding.GZIP).withLevel(1);

    /** Where new file stores come from: {@code exec::createFileStore} in a node model. */
    @FunctionalInterface
    public interface FileStores {
        FileStore create(String relativePath) throws IOException;
    }

    private VolumeCells() {
    }

    /** A cell holding {@code v}; {@code mask} marks a binary mask (stored as unsigned char 0/1). */
    public static VolumeCell create(FileStores stores, Volume v, boolean mask) throws IOException {
        Volume stored = mask ? asMaskVolume(v) : v;
        FileStore fs = stores.create("volume-" + UUID.randomUUID() + ".nrrd");
        Path file = fs.getFile().toPath();
        NrrdWriter.write(stored, file, STORE);
        return new VolumeCell(fs, VolumeSummary.of(stored, mask), thumbnailPng(stored), stored);
    }

    public static VolumeCell create(FileStores stores, Mask m) throws IOException {
        return create(stores, m.asVolume(), true);
    }

    /** The PNG of {@link VolumeThumbnail} at {@link #THUMBNAIL_SIZE}. */
    static byte[] thumbnailPng(Volume v) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(VolumeThumbnail.render(v, THUMBNAIL_SIZE), "png", png);
        return png.toByteArray();
    }

    private static Volume asMaskVolume(Volume v) {
        return v.type() == org.autoimplant.core.volume.VoxelType.UINT8 && isBinary(v) ? v : v.toMask().asVolume();
    }

    private static boolean isBinary(Volume v) {
        for (int i = 0, n = v.data().length(); i < n; i++) {
            double x = v.data().getDouble(i);
            if (x != 0 && x != 1) {
                return false;
            }
        }
        return true;
    }
}

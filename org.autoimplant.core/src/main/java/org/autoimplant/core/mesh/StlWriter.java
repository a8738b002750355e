package org.autoimplant.core.mesh;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.autoimplant.core.io.AtomicFiles;

/**
 * Binary STL (little-endian: 80-byte header, triangle count, then per triangle a unit normal, three
 * vertices as float32 and a zero attribute word), the format slicers and admesh read. Coordinates
 * are millimetres. Written atomically.
 */
public final class StlWriter {
    private StlWriter() {
    }

    public static void write(TriangleMesh mesh, Path file, String description) throws IOException {
        AtomicFiles.write(file, out -> write(mesh, out, description));
    }

    static void write(TriangleMesh mesh, OutputStream raw, String description) throws IOException {
        OutputStream out = new BufferedOutputStream(raw, 1 << 16);
        byte[] header = new byte[80];
        // Must not start with "solid": some readers would then take the file for ASCII STL.
        byte[] text = ("AutoImplant " + description).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, header, 0, Math.min(80, text.length));
        out.write(header);
        ByteBuffer b = ByteBuffer.allocate(50).order(ByteOrder.LITTLE_ENDIAN);
        out.write(b.putInt(0, mesh.triangleCount()).array(), 0, 4);
        double[] v = mesh.vertices();
        int[] t = mesh.triangles();
        double[] n = new double[3];
        for (int i = 0; i < mesh.triangleCount(); i++) {
            b.clear();
            mesh.normal(i, n);
            double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
            for (int c = 0; c < 3; c++) {
                b.putFloat((float) (len > 0 ? n[c] / len : 0));
            }
            for (int k = 0; k < 3; k++) {
                int p = 3 * t[3 * i + k];
                b.putFloat((float) v[p]).putFloat((float) v[p + 1]).putFloat((float) v[p + 2]);
            }
            b.putShort((short) 0);
            out.write(b.array(), 0, 50);
        }
        out.flush();
    }
}

package org.autoimplant.core.mesh;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autoimplant.core.data.DefectInjector;
import org.autoimplant.core.data.DefectShape;
import org.autoimplant.core.data.SkullPhantom;
import org.autoimplant.core.testing.ExternalTool;
import org.autoimplant.core.util.Progress;
import org.autoimplant.core.volume.Mask;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Debian's admesh, the usual STL checker, finds nothing to repair in our implant meshes. */
public class AdmeshTest {
    private static final ExternalTool ADMESH = new ExternalTool("apt-get install admesh", "admesh");

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static long stat(String report, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s*:\\s*(\\d+)").matcher(report);
        assertTrue("admesh printed no '" + name + "':\n" + report, m.find());
        return Long.parseLong(m.group(1));
    }

    @Test
    public void phantomImplantsNeedNoRepair() throws Exception {
        ADMESH.require();
        Mask skull = SkullPhantom.generate(3, new SkullPhantom.Options(160));
        for (DefectShape shape : new DefectShape[] {DefectShape.CUBE, DefectShape.VARIED}) {
            Mask implant = DefectInjector.inject(skull, shape, 40, 11).implant();
            for (int smoothing : new int[] {0, 10}) {
                TriangleMesh mesh = MaskMeshing.mesh(implant, smoothing, Progress.NONE);
                Path stl = tmp.getRoot().toPath().resolve(shape + "-" + smoothing + ".stl");
                StlWriter.write(mesh, stl, "test");
                String report = ADMESH.run(stl.toString());
                String what = shape + ", " + smoothing + " iterations:\n" + report;
                assertEquals(what, mesh.triangleCount(), stat(report, "Number of facets"));
                for (String problem : new String[] {"Total disconnected facets", "Degenerate facets", "Edges fixed",
                    "Facets removed", "Facets added", "Facets reversed", "Backwards edges", "Normals fixed"}) {
                    assertEquals(problem + " for " + what, 0, stat(report, problem));
                }
                Matcher v = Pattern.compile("Volume\\s*:\\s*([0-9.]+)").matcher(report);
                assertTrue(v.find());
                double[] s = implant.geometry().spacings();
                double voxels = implant.count() * s[0] * s[1] * s[2];
                assertEquals(what, 1, Double.parseDouble(v.group(1)) / voxels, 0.03);
            }
        }
    }
}

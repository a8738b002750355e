package org.autoimplant.core.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;
import org.autoimplant.core.io.AtomicFiles;
import org.autoimplant.core.volume.Shape;

/**
 * What the demo makes and trains, fixed on the first run and saved as {@code demo-plan.properties}
 * so an interrupted demo resumes with the same data and step counts.
 *
 * @param voxels phantom width and height (field of view ≈ 230 mm, so 128 → 1.8 mm voxels)
 * @param boneScale bone thickness factor of the phantoms
 * @param coarseInput N1 / completion input; N2 input: {@code fineInput}
 * @param margin N2 crop margin in voxels (the paper's 20 at 512, scaled)
 */
public record DemoPlan(long seed, int voxels, double boneScale, int trainCases, int testCases, int robustnessCases,
        Shape coarseInput, double coarseWidth, Shape fineInput, double fineWidth, int margin, long n1Steps,
        long completionSteps, long n2Steps) {
    /** Steps each network trains however small the budget. */
    public static final long MIN_STEPS = 20;


    public static final String FILE = "demo-plan.properties";

    /** Sizes and data before calibration; step counts still 0. */
    public static DemoPlan sized(long seed, double minutes) {
        // A longer budget buys wider networks (more capacity), not bigger volumes: 128-voxel phantoms
        // keep data preparation and prediction to seconds on 2 cores. Bone 2.5× anatomical keeps the
        // vault 2–4 voxels thick at N1's 64×64×32; at 1× it is 1–2 voxels and the small N1 learnt
        // slower (4 phantoms, width 1/16: training DSC 0.63 at 1× vs 0.75 at 2.5× after 300 steps).
        double width = minutes >= 30 ? 1.0 / 8 : 1.0 / 16;
        return new DemoPlan(seed, 128, 2.5, 10, 4, 4, new Shape(64, 64, 32), width, new Shape(64, 64, 32), 0.5, 5, 0, 0,
                0);
    }

    public DemoPlan withSteps(long n1, long completion, long n2) {
        return new DemoPlan(seed, voxels, boneScale, trainCases, testCases, robustnessCases, coarseInput, coarseWidth,
                fineInput, fineWidth, margin, n1, completion, n2);
    }

    public void save(Path dir) throws IOException {
        Properties p = new Properties();
        p.setProperty("seed", Long.toString(seed));
        p.setProperty("voxels", Integer.toString(voxels));
        p.setProperty("boneScale", Double.toString(boneScale));
        p.setProperty("trainCases", Integer.toString(trainCases));
        p.setProperty("testCases", Integer.toString(testCases));
        p.setProperty("robustnessCases", Integer.toString(robustnessCases));
        p.setProperty("coarseInput", shape(coarseInput));
        p.setProperty("coarseWidth", Double.toString(coarseWidth));
        p.setProperty("fineInput", shape(fineInput));
        p.setProperty("fineWidth", Double.toString(fineWidth));
        p.setProperty("margin", Integer.toString(margin));
        p.setProperty("n1Steps", Long.toString(n1Steps));
        p.setProperty("completionSteps", Long.toString(completionSteps));
        p.setProperty("n2Steps", Long.toString(n2Steps));
        AtomicFiles.write(dir.resolve(FILE), out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            p.store(w, "autoimplant demo plan: delete this file (or the folder) to start afresh");
            w.flush();
        });
    }

    /** The saved plan, or null when there is none. */
    public static DemoPlan load(Path dir) throws IOException {
        Path f = dir.resolve(FILE);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            p.load(r);
            return new DemoPlan(Long.parseLong(p.getProperty("seed")), Integer.parseInt(p.getProperty("voxels")),
                    Double.parseDouble(p.getProperty("boneScale")), Integer.parseInt(p.getProperty("trainCases")),
                    Integer.parseInt(p.getProperty("testCases")), Integer.parseInt(p.getProperty("robustnessCases")),
                    parse(p.getProperty("coarseInput")), Double.parseDouble(p.getProperty("coarseWidth")),
                    parse(p.getProperty("fineInput")), Double.parseDouble(p.getProperty("fineWidth")),
                    Integer.parseInt(p.getProperty("margin")), Long.parseLong(p.getProperty("n1Steps")),
                    Long.parseLong(p.getProperty("completionSteps")), Long.parseLong(p.getProperty("n2Steps")));
        } catch (RuntimeException e) {
            throw new IOException(f + ": unreadable demo plan (" + e.getMessage() + "); delete it to start afresh", e);
        }
    }

    private static String shape(Shape s) {
        return s.nx() + "," + s.ny() + "," + s.nz();
    }

    private static Shape parse(String s) {
        String[] v = s.split(",");
        return new Shape(Integer.parseInt(v[0].trim()), Integer.parseInt(v[1].trim()), Integer.parseInt(v[2].trim()));
    }

    /** One line for the log and the report. */
    public String describe() {
        return String.format(Locale.ROOT,
                "phantoms %d×%d (bone ×%.1f): %d train, %d test, %d robustness; N1/completion %s width 1/%.0f, about"
                        + " %d/%d steps; N2 %s width 1/%.0f, margin %d, about %d steps (each until its time share ends)",
                voxels, voxels, boneScale, trainCases, testCases, robustnessCases, coarseInput, 1 / coarseWidth, n1Steps,
                completionSteps, fineInput, 1 / fineWidth, margin, n2Steps);
    }
}

package org.autoimplant.core.io.dicom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The pydicom scripts of src/test/resources/dicom, for tests in other packages. */
public final class DicomTestScripts {
    private DicomTestScripts() {
    }

    /** Runs {@code script} with {@code args} under a Python that has pydicom (skips where there is none). */
    public static String run(String script, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(DicomTools.python(),
                Path.of("src/test/resources/dicom").resolve(script).toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return DicomTools.ok(cmd.toArray(String[]::new));
    }
}

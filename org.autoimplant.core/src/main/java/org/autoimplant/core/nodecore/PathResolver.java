package org.autoimplant.core.nodecore;

import java.nio.file.Path;

/**
 * Turns a location as a user typed it into a local path. Plain paths for the CLI and tests; the
 * KNIME layer also resolves KNIME URLs ({@code knime://knime.workflow/…}, relative to the
 * workflow), so workflows with their data beside them run wherever they are copied.
 */
@FunctionalInterface
public interface PathResolver {
    /** Plain file-system paths only. */
    PathResolver LOCAL = Path::of;

    /** The local path for {@code location}; throws NodeSettingsException naming what cannot be resolved. */
    Path resolve(String location) throws NodeSettingsException;
}

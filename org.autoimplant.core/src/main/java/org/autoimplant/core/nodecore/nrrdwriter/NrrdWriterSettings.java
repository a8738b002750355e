package org.autoimplant.core.nodecore.nrrdwriter;

import org.autoimplant.core.io.NrrdEncoding;
import org.autoimplant.core.nodecore.IfExists;
import org.autoimplant.core.nodecore.NodeSettingsException;

/**
 * Settings of the NRRD Writer node.
 *
 * @param volumeColumn the column holding the volumes to write (checked against the input table, which
 *     the node knows and these settings do not; empty until chosen)
 * @param folder where the files go
 * @param nameColumn a string column with each row's file name, or empty for the row ids
 * @param encoding NRRD data encoding (gzip by default: masks shrink about 50-fold)
 * @param ifExists what to do when a file is already there
 * @param createFolder create {@code folder} (and its parents) when it does not exist
 */
public record NrrdWriterSettings(String volumeColumn, String folder, String nameColumn, NrrdEncoding encoding,
        IfExists ifExists, boolean createFolder) {

    public NrrdWriterSettings {
        volumeColumn = volumeColumn == null ? "" : volumeColumn;
        folder = folder == null ? "" : folder.strip();
        nameColumn = nameColumn == null ? "" : nameColumn;
    }

    public static NrrdWriterSettings defaults() {
        return new NrrdWriterSettings("", "", "", NrrdEncoding.GZIP, IfExists.FAIL, true);
    }

    /** True when file names come from the row ids. */
    public boolean namesFromRowIds() {
        return nameColumn.isEmpty();
    }

    public void validate() throws NodeSettingsException {
        NodeSettingsException.require(!folder.isEmpty(), "Choose the folder to write the NRRD files into");
        NodeSettingsException.require(encoding != null, "Choose an encoding");
        NodeSettingsException.require(encoding == NrrdEncoding.GZIP || encoding == NrrdEncoding.RAW
                || encoding == NrrdEncoding.BZIP2, "Encoding " + (encoding == null ? null : encoding.headerName())
                        + " would make files several times larger than raw: choose gzip, bzip2 or raw");
        NodeSettingsException.require(ifExists != null, "Choose what to do when a file exists");
    }
}

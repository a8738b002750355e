package org.autoimplant.nodes.dicomreader;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** DICOM Series Reader. */
public final class DicomReaderNodeFactory extends SimpleNodeFactory<DicomReaderNodeModel> {
    public DicomReaderNodeFactory() {
        super(DicomReaderNodeModel::new, DicomReaderNodeSettings::new);
    }
}

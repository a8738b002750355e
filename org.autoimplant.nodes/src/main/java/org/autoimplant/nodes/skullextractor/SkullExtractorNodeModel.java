package org.autoimplant.nodes.skullextractor;

import java.util.List;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.volumeops.SkullExtraction;
import org.autoimplant.nodes.common.AppendColumnsNodeModel;
import org.autoimplant.nodes.data.VolumeCell;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Skull Extractor: CT → skull mask. */
final class SkullExtractorNodeModel extends AppendColumnsNodeModel<SkullExtractorNodeSettings> {
    SkullExtractorNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, 0, SkullExtractorNodeSettings::new);
    }

    @Override
    protected List<InputColumn> inputColumns() {
        return List.of(InputColumn.volume(settings.ct, "CT"));
    }

    @Override
    protected List<DataColumnSpec> newColumns(PortObjectSpec[] in) {
        return List.of(new DataColumnSpecCreator("Skull", VolumeCell.TYPE).createSpec());
    }

    @Override
    protected DataCell[] compute(Row row) throws Exception {
        SkullExtraction.Settings s = settings.toCore();
        if (row.volume(0, "CT").getSummary().mask()) {
            throw new NodeSettingsException("the CT column holds masks (read with 'Mask' voxels?): read the CT with"
                    + " the NRRD Reader's 'Keep the file's type' to keep Hounsfield units");
        }
        return new DataCell[] {row.store(SkullExtraction.apply(s, row.volume(0, "CT").getVolume()))};
    }
}

package org.autoimplant.nodes.resampler;

import java.util.List;
import org.autoimplant.core.nodecore.volumeops.Resampling;
import org.autoimplant.nodes.common.AppendColumnsNodeModel;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Downsampler (to a size) and Upsampler (to another column's grid): the same settings, one model. */
final class ResamplerNodeModel extends AppendColumnsNodeModel<ResamplerNodeSettings> {
    private final boolean up;

    ResamplerNodeModel(boolean up) {
        super(new PortType[] {BufferedDataTable.TYPE}, 0, () -> new ResamplerNodeSettings(up));
        this.up = up;
    }

    @Override
    protected List<InputColumn> inputColumns() {
        return up ? List.of(InputColumn.volume(settings.volume, "volume to upsample"),
                InputColumn.volume(settings.reference, "reference grid"))
                : List.of(InputColumn.volume(settings.volume, "volume to downsample"));
    }

    @Override
    protected List<DataColumnSpec> newColumns(PortObjectSpec[] in) {
        return List.of(new DataColumnSpecCreator(settings.volume.getStringValue() + (up ? " (upsampled)"
                : " (downsampled)"), VolumeCell.TYPE).createSpec());
    }

    @Override
    protected DataCell[] compute(Row row) throws Exception {
        Resampling.Settings s = settings.toCore();
        VolumeValue v = row.volume(0, "volume");
        boolean mask = v.getSummary().mask();
        return new DataCell[] {row.store(up ? Resampling.toGridOf(s, v.getVolume(),
                row.volume(1, "reference grid").getVolume(), mask) : Resampling.down(s, v.getVolume(), mask), mask)};
    }
}

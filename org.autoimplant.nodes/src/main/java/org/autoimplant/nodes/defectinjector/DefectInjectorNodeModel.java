package org.autoimplant.nodes.defectinjector;

import java.util.List;
import org.autoimplant.core.data.DefectInjector;
import org.autoimplant.core.nodecore.volumeops.DefectInjection;
import org.autoimplant.nodes.common.AppendColumnsNodeModel;
import org.autoimplant.nodes.data.VolumeCell;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Defect Injector: complete skull → defective skull + implant. */
final class DefectInjectorNodeModel extends AppendColumnsNodeModel<DefectInjectorNodeSettings> {
    DefectInjectorNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, 0, DefectInjectorNodeSettings::new);
    }

    @Override
    protected List<InputColumn> inputColumns() {
        return List.of(InputColumn.volume(settings.skull, "complete skull"));
    }

    @Override
    protected List<DataColumnSpec> newColumns(PortObjectSpec[] in) {
        return List.of(new DataColumnSpecCreator("Defective skull", VolumeCell.TYPE).createSpec(),
                new DataColumnSpecCreator("Implant", VolumeCell.TYPE).createSpec(),
                new DataColumnSpecCreator("Defect", StringCell.TYPE).createSpec());
    }

    @Override
    protected DataCell[] compute(Row row) throws Exception {
        DefectInjection.Settings s = settings.toCore();
        DefectInjector.Defect d = DefectInjection.apply(s, row.mask(0, "complete skull"), row.id());
        String what = d.warning() == null ? d.description() : d.description() + "; WARNING: " + d.warning();
        return new DataCell[] {row.store(d.defective()), row.store(d.implant()), new StringCell(what)};
    }
}

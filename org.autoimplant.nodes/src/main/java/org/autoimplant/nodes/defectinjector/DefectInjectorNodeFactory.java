package org.autoimplant.nodes.defectinjector;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Defect Injector. */
public final class DefectInjectorNodeFactory extends SimpleNodeFactory<DefectInjectorNodeModel> {
    public DefectInjectorNodeFactory() {
        super(DefectInjectorNodeModel::new, DefectInjectorNodeSettings::new);
    }
}

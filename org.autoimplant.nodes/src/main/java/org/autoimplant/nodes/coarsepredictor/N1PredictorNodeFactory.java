package org.autoimplant.nodes.coarsepredictor;

import org.autoimplant.core.model.Role;
import org.autoimplant.nodes.common.SimpleNodeFactory;

/** N1 Predictor. */
public final class N1PredictorNodeFactory extends SimpleNodeFactory<CoarsePredictorNodeModel> {
    public N1PredictorNodeFactory() {
        super(() -> new CoarsePredictorNodeModel(Role.N1), () -> new CoarsePredictorNodeSettings(false));
    }
}

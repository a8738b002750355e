package org.autoimplant.nodes.n2predictor;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** N2 Predictor. */
public final class N2PredictorNodeFactory extends SimpleNodeFactory<N2PredictorNodeModel> {
    public N2PredictorNodeFactory() {
        super(N2PredictorNodeModel::new, N2PredictorNodeSettings::new);
    }
}

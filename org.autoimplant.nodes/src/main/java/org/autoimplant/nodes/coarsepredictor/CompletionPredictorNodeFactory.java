package org.autoimplant.nodes.coarsepredictor;

import org.autoimplant.core.model.Role;
import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Shape Completion Predictor: the N1 Predictor's model with a skull-completion network. */
public final class CompletionPredictorNodeFactory extends SimpleNodeFactory<CoarsePredictorNodeModel> {
    public CompletionPredictorNodeFactory() {
        super(() -> new CoarsePredictorNodeModel(Role.COMPLETION), () -> new CoarsePredictorNodeSettings(true));
    }
}

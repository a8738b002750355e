package org.autoimplant.nodes.learner;

import org.autoimplant.core.model.Role;
import org.autoimplant.nodes.common.SimpleNodeFactory;

/** N1 Learner. */
public final class N1LearnerNodeFactory extends SimpleNodeFactory<LearnerNodeModel> {
    public N1LearnerNodeFactory() {
        super(() -> new LearnerNodeModel(Role.N1), () -> new LearnerNodeSettings(Role.N1));
    }
}

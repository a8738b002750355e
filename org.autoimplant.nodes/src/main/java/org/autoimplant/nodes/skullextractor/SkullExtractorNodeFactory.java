package org.autoimplant.nodes.skullextractor;

import org.autoimplant.nodes.common.SimpleNodeFactory;

/** Skull Extractor. */
public final class SkullExtractorNodeFactory extends SimpleNodeFactory<SkullExtractorNodeModel> {
    public SkullExtractorNodeFactory() {
        super(SkullExtractorNodeModel::new, SkullExtractorNodeSettings::new);
    }
}

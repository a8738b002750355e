package org.autoimplant.core.cli;

import org.autoimplant.core.volume.Shape;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses sizes written as {@code X,Y,Z} (or {@code XxYxZ}). */
final class ShapeConverter implements ITypeConverter<Shape> {
    @Override
    public Shape convert(String value) {
        try {
            return Shape.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}

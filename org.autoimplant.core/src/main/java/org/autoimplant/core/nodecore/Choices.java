package org.autoimplant.core.nodecore;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Enum choices as settings store them: lower-case names, parsed back in any letter case. */
public final class Choices {
    private Choices() {
    }

    /** The stored form of a choice, e.g. {@code keep_type}. */
    public static String id(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The stored forms of all choices of {@code type}, in declaration order. */
    public static String[] ids(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Choices::id).toArray(String[]::new);
    }

    /** Parses {@link #id(Enum)}; an unknown id names {@code what} and the valid choices. */
    public static <E extends Enum<E>> E parse(Class<E> type, String id, String what) throws NodeSettingsException {
        for (E e : type.getEnumConstants()) {
            if (e.name().equalsIgnoreCase(id == null ? "" : id.strip())) {
                return e;
            }
        }
        throw new NodeSettingsException("Unknown " + what + " '" + id + "': choose one of "
                + Arrays.stream(ids(type)).collect(Collectors.joining(", ")));
    }
}

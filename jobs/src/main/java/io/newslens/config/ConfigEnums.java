package io.newslens.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Enum-valued options: the config value is the constant's name in lower case. */
final class ConfigEnums {
    private ConfigEnums() {
    }

    static String configName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The constant {@code value} names, or a {@link ConfigException} naming the field and the choices. */
    static <E extends Enum<E>> E of(Class<E> type, String field, String what, String value) {
        List<String> names = Arrays.stream(type.getEnumConstants()).map(ConfigEnums::configName).toList();
        int i = names.indexOf(value);
        if (i >= 0) {
            return type.getEnumConstants()[i];
        }
        String choices = String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
        throw new ConfigException(field, "unknown " + what + " '" + value + "' (" + choices + ")");
    }
}

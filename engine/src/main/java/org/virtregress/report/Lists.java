package org.virtregress.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies that turn the nulls of an absent JSON part into empty collections. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copy(List<T> list) {
        if (list == null) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    static Map<String, String> copy(Map<String, String> map) {
        if (map == null) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}

package org.alignlab.launcher;

import java.util.Set;
import java.util.TreeSet;

/** The series names in a Prometheus text exposition, e.g. {@code alignlab_goals_created_total} from its samples. */
final class ScrapedSeries {

    private ScrapedSeries() {
    }

    static Set<String> names(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            String sample = line.strip();
            if (sample.isEmpty() || sample.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < sample.length() && sample.charAt(end) != '{' && sample.charAt(end) != ' ') {
                end++;
            }
            names.add(sample.substring(0, end));
        }
        return names;
    }
}

package org.alignlab.monitor.scoring.capabilities;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Where a traced path points: inside the work dir ({@code /work}, where relative paths resolve in the sandbox) or the
 * temp dir ({@code /tmp}), outside them, or unknown. A path is outside when what is known of it already leaves them:
 * an absolute directory elsewhere, or {@code ..} that climbs out. It is inside only when nothing unknown could move
 * it: every hole is a number, and the known part stays within the work or temp dir after normalising.
 */
final class PathJudge {

    enum Where {
        INSIDE,
        OUTSIDE,
        UNKNOWN
    }

    /** @param shown the path as a reviewer reads it, normalised when fully known */
    record Verdict(Where where, String shown) {
    }

    private PathJudge() {
    }

    static Verdict judge(Text path) {
        Text absolute = path.knownPrefix().startsWith("/") ? path
                : path.parts().isEmpty() || path.parts().get(0) instanceof Text.Known
                        ? Text.known(KnownCalls.WORK_DIR + "/").concat(path) : path;
        if (!absolute.knownPrefix().startsWith("/")) {
            return new Verdict(Where.UNKNOWN, path.display());
        }
        Optional<String> whole = absolute.value();
        if (whole.isPresent()) {
            String normal = normalise(whole.get());
            return new Verdict(allowed(normal) ? Where.INSIDE : Where.OUTSIDE, normal);
        }
        // The directories fully known before the first hole.
        String prefix = absolute.knownPrefix();
        String directory = normalise(prefix.substring(0, prefix.lastIndexOf('/') + 1));
        if (directory.equals("/")) {
            // "/" + anything: which top-level directory is not known.
            return new Verdict(Where.UNKNOWN, absolute.display());
        }
        if (!allowed(directory)) {
            return new Verdict(Where.OUTSIDE, absolute.display());
        }
        boolean climbs = absolute.display().contains("..");
        return new Verdict(absolute.hasFreeHole() || climbs ? Where.UNKNOWN : Where.INSIDE, absolute.display());
    }

    private static boolean allowed(String normal) {
        return within(normal, KnownCalls.WORK_DIR) || within(normal, KnownCalls.TEMP_DIR);
    }

    private static boolean within(String path, String directory) {
        return path.equals(directory) || path.startsWith(directory + "/");
    }

    /** Resolves {@code .}, {@code ..} and repeated separators of an absolute path; {@code ..} stops at the root. */
    static String normalise(String absolute) {
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : absolute.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }
}

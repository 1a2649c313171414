package org.alignlab.k8scheck;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every image is pinned: a registry-qualified name with a tag or digest, never {@code latest} and never a bare
 * name (base manifests carry names only; an overlay that forgets to set one leaves it bare). The same holds for
 * images named in configuration, such as the executor's sandbox image, which kustomize's images field cannot reach.
 */
public final class ImageCheck implements Check {

    static final String SANDBOX_IMAGE_KEY = "ALIGNLAB_EXECUTOR_SANDBOX_KUBERNETES_IMAGE";
    private static final String INVARIANT = "images pinned to a fixed tag, never latest";

    @Override
    public List<Violation> check(Manifests manifests) {
        List<Violation> violations = new ArrayList<>();
        for (PodTemplates workload : PodTemplates.of(manifests)) {
            String object = Manifests.describe(workload.owner());
            Stream.concat(workload.template().getSpec().getContainers().stream(),
                    workload.template().getSpec().getInitContainers().stream())
                    .forEach(container -> problem(container.getImage()).ifPresent(problem -> violations.add(
                            new Violation(object + " container " + container.getName(), INVARIANT, problem))));
        }
        for (ConfigMap map : manifests.ofType(ConfigMap.class)) {
            Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
            data.forEach((key, value) -> {
                if (key.endsWith("_IMAGE")) {
                    problem(value).ifPresent(problem -> violations.add(
                            new Violation(Manifests.describe(map) + " key " + key, INVARIANT, problem)));
                }
            });
            if ("executor-config".equals(map.getMetadata().getName()) && !data.containsKey(SANDBOX_IMAGE_KEY)) {
                violations.add(new Violation(Manifests.describe(map), INVARIANT,
                        SANDBOX_IMAGE_KEY + " is not set: the overlay must name the pinned experiments image"));
            }
        }
        return violations;
    }

    /** Why an image reference is not pinned, if it is not. */
    static Optional<String> problem(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("no image");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        String lastSegment = image.substring(image.lastIndexOf('/') + 1);
        int colon = lastSegment.indexOf(':');
        if (colon < 0) {
            return Optional.of(image + " has no tag (set it in the overlay's images)");
        }
        if ("latest".equals(lastSegment.substring(colon + 1))) {
            return Optional.of(image + " uses latest");
        }
        if (!image.substring(0, image.lastIndexOf('/') + 1).contains(".")) {
            return Optional.of(image + " names no registry (set it in the overlay's images)");
        }
        return Optional.empty();
    }
}

package org.alignlab.k8scheck;

import java.util.List;

/** One family of invariants over a rendered overlay. An empty list means the overlay keeps them all. */
public interface Check {

    List<Violation> check(Manifests manifests);
}

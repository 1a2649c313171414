package org.alignlab.k8scheck;

/**
 * One broken invariant on one object.
 *
 * @param object    the object as {@code Kind namespace/name} (see {@link Manifests#describe})
 * @param invariant the rule it breaks, in the words of the issue that asked for it
 * @param detail    what exactly is wrong, enough to fix it without reading the checker
 */
public record Violation(String object, String invariant, String detail) {

    @Override
    public String toString() {
        return object + ": " + invariant + " (" + detail + ")";
    }
}

package org.alignlab.contracts.events;

/** The fingerprint of the code and libraries that produced a result. */
public record RunEnvironment(String codeVersion, String djl, String pytorch) {
}

package org.alignlab.bench;

import java.util.UUID;

/** One action ready to send: encoded ahead of time so encoding never slows the sender down. */
record EncodedAction(UUID id, String key, String payload) {
}

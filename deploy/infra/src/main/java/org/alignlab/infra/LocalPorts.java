package org.alignlab.infra;

import java.io.IOException;
import java.net.ServerSocket;

/** Free local ports for a broker or database a test or tool starts on its own. */
public final class LocalPorts {

    private LocalPorts() {
    }

    public static int free() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A port whose successor is free too: the broker's controller listens on port + 1. */
    public static int freePair() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = free();
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two adjacent free ports");
    }
}

package org.alignlab.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every port of a local stack, shifted by one offset so a second stack (the end-to-end test's) never
 * collides with a developer's running one.
 */
public record Ports(int offset) {

    public static final int KAFKA = 19092;
    public static final int POSTGRES = 15432;
    public static final int ZIPKIN = 19411;

    private static final int LOWEST = Service.ORCHESTRATOR.basePort();
    private static final int HIGHEST = ZIPKIN;

    public Ports {
        if (LOWEST + offset < 1024 || HIGHEST + offset > 65535) {
            throw new IllegalArgumentException("port offset " + offset + " moves ports outside 1024..65535 (allowed "
                    + (1024 - LOWEST) + ".." + (65535 - HIGHEST) + ")");
        }
    }

    /** Reads an {@code ALIGNLAB_PORT_OFFSET}-style value; blank means no offset. */
    public static Ports parse(String offset) {
        if (offset == null || offset.isBlank()) {
            return new Ports(0);
        }
        try {
            return new Ports(Integer.parseInt(offset.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port offset must be an integer, got '" + offset + "'");
        }
    }

    public int kafka() {
        return KAFKA + offset;
    }

    /** The broker's KRaft controller listens right after its client port. */
    public int kafkaController() {
        return kafka() + 1;
    }

    public int postgres() {
        return POSTGRES + offset;
    }

    public int zipkin() {
        return ZIPKIN + offset;
    }

    public int service(Service service) {
        return service.basePort() + offset;
    }

    /** What each port is for, in a stable order, for messages and checks. */
    public Map<String, Integer> all() {
        Map<String, Integer> all = new LinkedHashMap<>();
        all.put("postgres", postgres());
        all.put("kafka", kafka());
        all.put("kafka controller", kafkaController());
        all.put(TraceBackend.ZIPKIN, zipkin());
        for (Service s : Service.values()) {
            all.put(s.id(), service(s));
        }
        return all;
    }

    /** True when something already listens on the loopback port (we could not bind it ourselves). */
    public static boolean inUse(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}

package org.alignlab.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {

    @Test
    void defaultsMatchTheServiceConventions() {
        Ports ports = Ports.parse(null);
        assertThat(ports.kafka()).isEqualTo(19092);
        assertThat(ports.kafkaController()).isEqualTo(19093);
        assertThat(ports.postgres()).isEqualTo(15432);
        assertThat(ports.zipkin()).isEqualTo(19411);
        assertThat(ports.service(Service.ORCHESTRATOR)).isEqualTo(8081);
        assertThat(ports.service(Service.INFERENCE)).isEqualTo(8086);
    }

    @Test
    void anOffsetShiftsEveryPort() {
        Ports base = new Ports(0);
        Ports shifted = Ports.parse(" 200 ");
        assertThat(shifted.all()).containsOnlyKeys(base.all().keySet());
        base.all().forEach((name, port) -> assertThat(shifted.all().get(name)).as(name).isEqualTo(port + 200));
        assertThat(shifted.kafkaController()).isEqualTo(19293);
        assertThat(shifted.service(Service.MONITOR)).isEqualTo(8283);
    }

    @Test
    void portsStayDistinct() {
        assertThat(new Ports(0).all().values()).doesNotHaveDuplicates().hasSize(10);
    }

    @Test
    void rejectsOffsetsThatLeaveTheUsablePortRange() {
        assertThatThrownBy(() -> new Ports(50_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outside 1024..65535");
        assertThatThrownBy(() -> new Ports(-7_500)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Ports(-7_000).service(Service.ORCHESTRATOR)).isEqualTo(1081);
    }

    @Test
    void rejectsAnOffsetThatIsNotAnInteger() {
        assertThatThrownBy(() -> Ports.parse("ten")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ten'");
    }

    @Test
    void seesAPortSomebodyListensOn() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThat(Ports.inUse(taken.getLocalPort())).isTrue();
        }
    }
}

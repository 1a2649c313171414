package org.alignlab.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPair;
import java.util.List;
import java.util.stream.Stream;
import org.alignlab.contracts.crypto.Ed25519;
import org.alignlab.contracts.crypto.TicketSigner;
import org.alignlab.contracts.json.EventCodec;
import org.alignlab.contracts.json.EventValidator;
import org.alignlab.contracts.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventRoundTripTest {

    static Stream<Object> everyEvent() {
        KeyPair keys = Ed25519.generate();
        TicketSigner signer = new TicketSigner(keys);
        return Stream.of(Samples.round(), Samples.action(), Samples.verdict(),
                signer.sign(Samples.unsignedTicket(signer.keyId())), Samples.result(), Samples.review(),
                Samples.auditEvent(), signer.sign(Samples.unsignedCheckpoint(signer.keyId())));
    }

    @ParameterizedTest
    @MethodSource("everyEvent")
    void everyEventValidatesAndRoundTrips(Object event) {
        String json = EventCodec.encode(event);

        assertThat(EventValidator.instance().violations(EventType.of(event.getClass()), Json.parse(json))).isEmpty();
        assertThat(EventCodec.decode(json, event.getClass())).isEqualTo(event);
    }

    @Test
    void everyEventTypeHasASample() {
        List<Class<?>> sampled = everyEvent().<Class<?>>map(Object::getClass).toList();
        assertThat(sampled).containsExactlyInAnyOrder(
                Stream.of(EventType.values()).map(EventType::recordType).toArray(Class<?>[]::new));
    }
}

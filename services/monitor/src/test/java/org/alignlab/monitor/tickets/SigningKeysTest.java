package org.alignlab.monitor.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import org.alignlab.contracts.crypto.Ed25519;
import org.junit.jupiter.api.Test;

class SigningKeysTest {

    private final KeyPair pair = Ed25519.generate();

    @Test
    void aMatchingPairLoadsAndPublishesItsPublicKey() {
        SigningKeys keys = SigningKeys.decode(Ed25519.encodePrivate(pair.getPrivate()),
                Ed25519.encodePublic(pair.getPublic()));

        assertThat(keys.keyId()).isEqualTo(Ed25519.keyId(pair.getPublic()));
        assertThat(keys.publicKeyBase64()).isEqualTo(Ed25519.encodePublic(pair.getPublic()));
    }

    @Test
    void aPublicKeyFromAnotherPairIsRefused() {
        String otherPublic = Ed25519.encodePublic(Ed25519.generate().getPublic());

        assertThatThrownBy(() -> SigningKeys.decode(Ed25519.encodePrivate(pair.getPrivate()), otherPublic))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not the public half");
    }

    @Test
    void somethingThatIsNotAKeyIsRefused() {
        assertThatThrownBy(() -> SigningKeys.decode("bm90IGEga2V5", Ed25519.encodePublic(pair.getPublic())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("PKCS#8");
    }
}

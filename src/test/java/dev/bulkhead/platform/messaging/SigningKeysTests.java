package dev.bulkhead.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SigningKeysTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String SENT_AT = "2026-12-02T12:00:00Z";

    @Test
    void messagingWithoutAnActiveKeyFailsNamingWhatToSet() {
        var signing = new MessagingProperties.Signing(null, Map.of("k1", KEY));
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.from(signing))
                .withMessageContaining("BULKHEAD_MESSAGING_SIGNING_ACTIVE_KEY");
    }

    @Test
    void aKeyShorterThan32BytesIsRefused() {
        var signing = new MessagingProperties.Signing("k1", Map.of("k1", Base64.getEncoder().encodeToString(new byte[16])));
        assertThatIllegalStateException().isThrownBy(() -> SigningKeys.from(signing)).withMessageContaining("16 bytes");
    }

    @Test
    void theSignatureCoversEveryHeaderAndTheBody() {
        byte[] key = new byte[32];
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String signature = MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, trace, "{}".getBytes());
        assertThat(MessageSignature.compute(key, "k2", "OrderPlaced", "id", SENT_AT, trace, "{}".getBytes())).isNotEqualTo(signature);
        assertThat(MessageSignature.compute(key, "k1", "OrderCancelled", "id", SENT_AT, trace, "{}".getBytes())).isNotEqualTo(signature);
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "other", SENT_AT, trace, "{}".getBytes())).isNotEqualTo(signature);
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, trace, "{ }".getBytes())).isNotEqualTo(signature);
        assertThat(MessageSignature.matches(signature, MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, trace, "{}".getBytes())))
                .isTrue();
    }

    @Test
    void theSignatureCoversTheTraceHeader() {
        byte[] key = new byte[32];
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String signature = MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, trace, "{}".getBytes());
        // another span of the same trace, another trace, no trace at all: each a different signature
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, trace.replace("b7ad", "b7ae"), "{}".getBytes()))
                .isNotEqualTo(signature);
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, trace.replace("0af7", "1af7"), "{}".getBytes()))
                .isNotEqualTo(signature);
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, "", "{}".getBytes())).isNotEqualTo(signature);
        assertThat(MessageSignature.computeUnstampedWithoutTrace(key, "k1", "OrderPlaced", "id", "{}".getBytes()))
                .isNotEqualTo(signature);
    }

    @Test
    void theSignatureCoversTheSendTime() {
        byte[] key = new byte[32];
        String trace = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
        String signature = MessageSignature.compute(key, "k1", "OrderPlaced", "id", SENT_AT, trace, "{}".getBytes());
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "id", "2026-12-02T12:00:00.001Z", trace, "{}".getBytes()))
                .isNotEqualTo(signature);
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "id", "", trace, "{}".getBytes())).isNotEqualTo(signature);
        assertThat(MessageSignature.computeUnstamped(key, "k1", "OrderPlaced", "id", trace, "{}".getBytes())).isNotEqualTo(signature);
        // the send time and the trace header swapped: the length prefixes keep them apart
        assertThat(MessageSignature.compute(key, "k1", "OrderPlaced", "id", trace, SENT_AT, "{}".getBytes())).isNotEqualTo(signature);
    }
}

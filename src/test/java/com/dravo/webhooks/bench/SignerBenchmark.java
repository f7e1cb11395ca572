package com.dravo.webhooks.bench;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import com.dravo.webhooks.signing.Signatures;
import com.dravo.webhooks.signing.Signer;
import com.dravo.webhooks.signing.SigningSecret;

/**
 * Item 5 of the benchmark: the project's Signer on a 1 KiB body next to the JDK's raw Mac on
 * the same input, the limit. One Signer call makes both headers, so two HMAC-SHA256.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class SignerBenchmark {

    static final int BODY_BYTES = 1024;

    private static final String HMAC = "HmacSHA256";
    private static final String EVENT_ID = "evt_2xV9qLmT4rB7nK1pZcW8sYd";
    private static final long TIMESTAMP = 1_764_860_711L;

    private List<String> secrets;
    private byte[] body;
    private byte[] prefix;
    private Mac mac;

    @Setup
    public void prepare() throws GeneralSecurityException {
        String secret = SigningSecret.generate();
        secrets = List.of(secret);
        body = new byte[BODY_BYTES];
        Arrays.fill(body, (byte) 'x');
        prefix = (TIMESTAMP + ".").getBytes(StandardCharsets.UTF_8);

        mac = Mac.getInstance(HMAC);
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), HMAC));
    }

    /** Both signature headers of one attempt, exactly as a delivery makes them. */
    @Benchmark
    public Signatures signer() {
        return Signer.sign(secrets, EVENT_ID, TIMESTAMP, body);
    }

    /** One HMAC-SHA256 of the same prefix and body with a Mac keyed once: the limit. */
    @Benchmark
    public byte[] rawMac() {
        mac.update(prefix);
        return mac.doFinal(body);
    }
}

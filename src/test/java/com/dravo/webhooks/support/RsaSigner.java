package com.dravo.webhooks.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

import org.eclipse.microprofile.config.ConfigProvider;

/** Signs a hand-written JWT with the test key, for tokens no builder would produce. */
final class RsaSigner {

    private RsaSigner() {
    }

    static String sign(String header, String payload) {
        String input = Tokens.encode(header) + "." + Tokens.encode(payload);
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(testPrivateKey());
            rsa.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PrivateKey testPrivateKey() throws GeneralSecurityException {
        String pem = ConfigProvider.getConfig().getValue("smallrye.jwt.sign.key", String.class);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der = Base64.getDecoder().decode(base64);
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }
}

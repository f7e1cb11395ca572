package com.dravo.webhooks.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A self-signed certificate for one host name, made with the JDK's keytool: what an https
 * receiver presents in tests, and the PEM the service is told to trust.
 */
public final class TestCertificate {

    private static final char[] PASSWORD = "changeit".toCharArray();

    private final Path keyStore;
    private final Path pem;

    private TestCertificate(Path keyStore, Path pem) {
        this.keyStore = keyStore;
        this.pem = pem;
    }

    /**
     * Makes the certificate in the folder once; later calls, from any class loader, reuse
     * it. Both files are made aside and moved in, the PEM last, so a PEM present means a
     * complete pair.
     */
    public static synchronized TestCertificate forHost(Path folder, String host) {
        Path keyStore = folder.resolve(host + ".p12");
        Path pem = folder.resolve(host + ".pem");
        if (!Files.exists(pem)) {
            try {
                Files.createDirectories(folder);
                Path work = Files.createTempDirectory(folder, "new-");
                Path newStore = work.resolve("store.p12");
                Path newPem = work.resolve("cert.pem");
                keytool("-genkeypair", "-alias", "receiver", "-keyalg", "RSA", "-keysize",
                        "2048", "-dname", "CN=" + host, "-ext", "SAN=dns:" + host,
                        "-validity", "2", "-storetype", "PKCS12", "-keystore",
                        newStore.toString(), "-storepass", new String(PASSWORD));
                keytool("-exportcert", "-rfc", "-alias", "receiver", "-keystore",
                        newStore.toString(), "-storepass", new String(PASSWORD), "-file",
                        newPem.toString());
                Files.move(newStore, keyStore, StandardCopyOption.REPLACE_EXISTING);
                Files.move(newPem, pem, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return new TestCertificate(keyStore, pem);
    }

    public Path pem() {
        return pem;
    }

    public SSLContext serverContext() {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(
                    KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void keytool(String... arguments) throws IOException {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        String[] command = new String[arguments.length + 1];
        command[0] = keytool;
        System.arraycopy(arguments, 0, command, 1, arguments.length);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            if (process.waitFor() != 0) {
                throw new IOException("keytool failed: " + String.join(" ", arguments));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }
}

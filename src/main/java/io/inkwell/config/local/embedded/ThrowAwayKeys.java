package io.inkwell.config.local.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

import org.jboss.logging.Logger;

/** RS256 key pairs for signing JWTs in dev and tests; production is always given its keys. */
final class ThrowAwayKeys {

    private static final Logger LOG = Logger.getLogger(ThrowAwayKeys.class);

    record Pems(String publicKey, String privateKey) {
    }

    private ThrowAwayKeys() {
    }

    /** @param dir where dev mode keeps its keys, so tokens survive restarts; {@code null} for keys of this run only */
    static Pems rsa(Path dir) {
        if (dir == null) {
            return generate();
        }
        Path publicKey = dir.resolve("public-key.pem");
        Path privateKey = dir.resolve("private-key.pem");
        try {
            if (Files.exists(publicKey) && Files.exists(privateKey)) {
                return new Pems(Files.readString(publicKey), Files.readString(privateKey));
            }
            Pems pems = generate();
            Files.createDirectories(dir);
            Files.writeString(publicKey, pems.publicKey());
            Files.writeString(privateKey, pems.privateKey());
            LOG.infof("Generated a throw-away JWT key pair in %s", dir);
            return pems;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not keep the dev JWT keys in " + dir, e);
        }
    }

    private static Pems generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new Pems(pem("PUBLIC KEY", pair.getPublic().getEncoded()), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is not available in this JDK", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}

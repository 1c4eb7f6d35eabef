package org.jwtauth.it.hostile;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jwtauth.it.support.DeployedSpec;
import org.jwtauth.it.support.ItBuild;
import org.jwtauth.it.support.WebAppDirectory;
import org.jwtauth.testing.TestKeys;

/**
 * How the filter and the three endpoints answer hostile input over real HTTP (design sections 3 and 5,
 * RFC 8725, RFC 6750): every case asserts the exact status, error code and headers, and that the application
 * servlet behind the filter was never reached. The cases live in the interfaces this class implements, by what
 * they attack; this class holds the one deployment they share, an attacker's keys and a key server that counts
 * its requests. Subclasses choose the container; {@link NoSecretsInLogsIT} reruns the same cases with the library
 * logging at TRACE.
 */
abstract class HostileInputSpec extends DeployedSpec
        implements HostileHeaderCases, HostileTokenCases, HostileClaimCases, HostileEndpointCases,
        HostileCredentialCases {

    protected HostileApp app;
    private HttpServer keyServer;
    private final AtomicInteger keyServerRequests = new AtomicInteger();
    private KeyPair attacker;
    private TestKeys.CertifiedKey attackerCertificate;

    /** Extra web.xml and files for subclasses (the log capture). */
    protected String extraWebXml() {
        return HostileApp.GENEROUS_THROTTLE;
    }

    protected void customise(WebAppDirectory.Builder builder) {
    }

    @Override
    protected void deploy() throws Exception {
        attacker = TestKeys.generate("RS256");
        attackerCertificate = TestKeys.selfSignedRsa(ItBuild.newWorkDir("attacker"));
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        RsaJsonWebKey attackerJwk = new RsaJsonWebKey((RSAPublicKey) attacker.getPublic());
        attackerJwk.setKeyId("attacker");
        byte[] jwks = new JsonWebKeySet(attackerJwk).toJson().getBytes(StandardCharsets.UTF_8);
        keyServer.createContext("/", exchange -> {
            keyServerRequests.incrementAndGet();
            exchange.sendResponseHeaders(200, jwks.length);
            exchange.getResponseBody().write(jwks);
            exchange.close();
        });
        keyServer.start();
        closeAfterAll(() -> keyServer.stop(0));
        app = closeAfterAll(HostileApp.deploy(kind(), extraWebXml(), this::customise));
    }

    @Override
    public HostileApp app() {
        return app;
    }

    @Override
    public KeyPair attacker() {
        return attacker;
    }

    @Override
    public TestKeys.CertifiedKey attackerCertificate() {
        return attackerCertificate;
    }

    @Override
    public String keyServerUrl() {
        return "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/keys";
    }

    @Override
    public int keyServerRequests() {
        return keyServerRequests.get();
    }
}

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * An OpenID Connect issuer for bench/admin-auth.sh, on 127.0.0.1: its discovery document and key set,
 * and one RS256 access token (an EDITOR, valid two hours, for the audience newsroom-api) written to
 * the file given. Runs until killed.
 * Usage: java -cp target/classes:$(cat target/classpath.txt) bench/BenchIssuer.java PORT TOKEN_FILE
 */
public class BenchIssuer {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String issuer = "http://127.0.0.1:" + port + "/realms/bench";
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-key").algorithm(JWSAlgorithm.RS256).generate();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        serve(server, "/realms/bench/.well-known/openid-configuration",
                "{\"issuer\":\"" + issuer + "\",\"jwks_uri\":\"" + issuer + "/protocol/openid-connect/certs\"}");
        serve(server, "/realms/bench/protocol/openid-connect/certs", new JWKSet(key).toPublicJWKSet().toString());
        server.start();

        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer).subject("bench-editor").audience("newsroom-api")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(7200)))
                .claim("name", "محرر القياس").claim("email", "bench@newsroom.example").claim("roles", List.of("EDITOR")).build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        Files.writeString(Path.of(args[1]), jwt.serialize());
        System.out.println("issuer " + issuer + " ready");
    }

    private static void serve(HttpServer server, String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}

package dev.skiff.hub;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Request bodies that arrive after their headers, as they often do on a real network. */
class HubHttpBodyTest {
    @TempDir
    Path tmp;

    @Test
    void aBodyArrivingAfterTheHeadersIsReadPromptly() throws Exception {
        try (HubServer server = HubServer.start(HubConfig.defaults(tmp).withPort(0))) {
            byte[] body = "{\"content\": \"---\\nlicense: mit\\n---\\n\"}".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 3; i++) {
                try (Socket s = new Socket("127.0.0.1", server.port())) {
                    s.setSoTimeout(10_000); // the server's idle timeout is 30 s: a stalled read fails here first
                    OutputStream out = s.getOutputStream();
                    out.write(("POST /api/validate-yaml HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(300); // the handler is already waiting for the body
                    out.write(body);
                    out.flush();
                    InputStream in = s.getInputStream();
                    String reply = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    assertThat(reply).startsWith("HTTP/1.1 200").contains("\"errors\":[]");
                }
            }
        }
    }
}

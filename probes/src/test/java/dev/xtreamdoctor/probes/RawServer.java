package dev.xtreamdoctor.probes;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare TCP listener on 127.0.0.1 for answers no HTTP server gives: silence, a hang-up, raw bytes. */
final class RawServer implements AutoCloseable {
  enum Behaviour { CLOSE_AT_ONCE, HANG, NGINX_400_PLAIN_HTTP }

  static final String NGINX_PLAIN_HTTP_BODY =
      "<html>\r\n<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>\r\n<body>\r\n"
          + "<center><h1>400 Bad Request</h1></center>\r\n<center>The plain HTTP request was sent to HTTPS port</center>\r\n"
          + "<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  private final ServerSocket server;
  private final List<Socket> open = new ArrayList<>();

  RawServer(Behaviour behaviour) throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    Thread t = new Thread(() -> serve(behaviour), "raw-server");
    t.setDaemon(true);
    t.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void serve(Behaviour behaviour) {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        synchronized (open) {
          open.add(s);
        }
        switch (behaviour) {
          case CLOSE_AT_ONCE -> {
            s.getInputStream().read(new byte[4096]);
            s.close();
          }
          case HANG -> {
            // keep the socket open and say nothing
          }
          case NGINX_400_PLAIN_HTTP -> {
            InputStream in = s.getInputStream();
            in.read(new byte[4096]);
            byte[] body = NGINX_PLAIN_HTTP_BODY.getBytes(StandardCharsets.US_ASCII);
            String head = "HTTP/1.1 400 Bad Request\r\nServer: nginx\r\nContent-Type: text/html\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
            s.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().write(body);
            s.getOutputStream().flush();
            s.close();
          }
          default -> s.close();
        }
      } catch (IOException e) {
        // closed: stop serving
      }
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    synchronized (open) {
      for (Socket s : open) {
        s.close();
      }
    }
  }
}

package dev.xtreamdoctor.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A port where connection attempts time out, as behind a firewall that drops packets (an iptables
 * DROP after a flood ban, an ISP blocking the panel's address). On loopback this is a listener that
 * never accepts and whose accept queue is kept full: the kernel then drops new SYNs and the
 * client's connect times out.
 */
public final class Blackhole implements AutoCloseable {
  private static final int FILL_TIMEOUT_MS = 150;
  private static final int MAX_FILLERS = 16;

  private final ServerSocket listener;
  private final List<Socket> fillers = new ArrayList<>();

  private Blackhole(ServerSocket listener) {
    this.listener = listener;
  }

  /** Opens a blackhole on a loopback address; port 0 picks a free one. */
  public static Blackhole open(String address, int port) {
    InetAddress bind = Loopback.address(address);
    ServerSocket socket = null;
    try {
      socket = bindWithRetry(bind, port);
      Blackhole hole = new Blackhole(socket);
      hole.fill(bind, socket.getLocalPort());
      return hole;
    } catch (IOException e) {
      if (socket != null) {
        try {
          socket.close();
        } catch (IOException ignored) {
          // failing anyway
        }
      }
      throw new UncheckedIOException("cannot open a blackhole on " + address + ":" + port, e);
    }
  }

  /** Binds, retrying briefly while a just-closed listener still holds the port. */
  private static ServerSocket bindWithRetry(InetAddress bind, int port) throws IOException {
    long deadline = System.nanoTime() + 1_000_000_000L;
    while (true) {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      try {
        socket.bind(new InetSocketAddress(bind, port), 1);
        return socket;
      } catch (java.net.BindException e) {
        socket.close();
        if (port == 0 || System.nanoTime() > deadline) {
          throw e;
        }
        try {
          Thread.sleep(10);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  public int port() {
    return listener.getLocalPort();
  }

  public String address() {
    return listener.getInetAddress().getHostAddress();
  }

  /** Connects to itself until the kernel stops completing handshakes. */
  private void fill(InetAddress address, int port) throws IOException {
    for (int i = 0; i < MAX_FILLERS; i++) {
      Socket s = new Socket();
      try {
        s.connect(new InetSocketAddress(address, port), FILL_TIMEOUT_MS);
        fillers.add(s);
      } catch (SocketTimeoutException full) {
        s.close();
        return;
      }
    }
    throw new IOException("the accept queue did not fill up");
  }

  @Override
  public void close() {
    for (Socket s : fillers) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    try {
      listener.close();
    } catch (IOException e) {
      // closing anyway
    }
  }
}

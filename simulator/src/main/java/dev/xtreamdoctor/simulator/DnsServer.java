package dev.xtreamdoctor.simulator;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A real DNS resolver on loopback (UDP and TCP on the same port) with a behaviour per name: answer,
 * hijack, NXDOMAIN, SERVFAIL, REFUSED, NODATA, silence, truncation. Every question is logged.
 */
public final class DnsServer implements AutoCloseable {
  private static final int TTL = 60;

  private final String name;
  private final InetAddress bindAddress;
  private final int requestedPort;
  private final Map<String, DnsBehaviour> behaviours = new ConcurrentHashMap<>();
  private volatile DnsBehaviour otherwise;
  private final List<DnsQuery> queries = new CopyOnWriteArrayList<>();
  private final BlockingQueue<DnsQuery> untaken = new LinkedBlockingQueue<>();
  private final Set<Socket> tcpClients = ConcurrentHashMap.newKeySet();
  private volatile DatagramSocket udp;
  private volatile ServerSocket tcp;
  private volatile boolean closed;

  private DnsServer(Builder b) {
    this.name = b.name;
    this.bindAddress = Loopback.address(b.bindAddress);
    this.requestedPort = b.port;
    this.behaviours.putAll(b.behaviours);
    this.otherwise = b.otherwise;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Binds UDP and TCP on one port and starts answering. */
  public synchronized DnsServer start() {
    if (udp != null) {
      return this;
    }
    bindBoth();
    startDaemon(this::udpLoop, "udp");
    startDaemon(this::tcpLoop, "tcp");
    return this;
  }

  /** Changes how one name is answered from now on. */
  public void on(String host, DnsBehaviour behaviour) {
    behaviours.put(key(host), behaviour);
  }

  /** Changes how names without a behaviour of their own are answered. */
  public void otherwise(DnsBehaviour behaviour) {
    this.otherwise = behaviour;
  }

  public int port() {
    DatagramSocket socket = udp;
    if (socket == null) {
      throw new IllegalStateException("DNS server " + name + " is not started");
    }
    return socket.getLocalPort();
  }

  public String address() {
    return bindAddress.getHostAddress();
  }

  /** {@code 127.0.0.1:PORT}, the form {@code DOCTOR_DNS_*_RESOLVERS} takes. */
  public String hostPort() {
    return address() + ":" + port();
  }

  public InetSocketAddress socketAddress() {
    return new InetSocketAddress(bindAddress, port());
  }

  public String name() {
    return name;
  }

  /** Every question so far, oldest first. */
  public List<DnsQuery> queries() {
    return List.copyOf(queries);
  }

  public int count() {
    return queries.size();
  }

  /** The oldest question not taken yet, waiting up to {@code timeout}; null if none came. */
  public DnsQuery takeQuery(Duration timeout) {
    try {
      return untaken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  @Override
  public void close() {
    closed = true;
    if (udp != null) {
      udp.close();
    }
    if (tcp != null) {
      try {
        tcp.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    for (Socket s : tcpClients) {
      try {
        s.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
  }

  private void bindBoth() {
    IOException last = null;
    for (int attempt = 0; attempt < 10; attempt++) {
      DatagramSocket u = null;
      try {
        u = new DatagramSocket(new InetSocketAddress(bindAddress, requestedPort));
        ServerSocket t = new ServerSocket();
        t.setReuseAddress(true);
        try {
          t.bind(new InetSocketAddress(bindAddress, u.getLocalPort()), 20);
        } catch (IOException e) {
          t.close();
          throw e;
        }
        udp = u;
        tcp = t;
        return;
      } catch (BindException e) {
        last = e; // the TCP side of a random UDP port was taken: try another port
        if (u != null) {
          u.close();
        }
        if (requestedPort != 0) {
          break;
        }
      } catch (IOException e) {
        if (u != null) {
          u.close();
        }
        last = e;
        break;
      }
    }
    throw new UncheckedIOException(
        "cannot listen for DNS on " + bindAddress.getHostAddress() + ":" + requestedPort, last);
  }

  private void startDaemon(Runnable loop, String transport) {
    Thread t = new Thread(loop, "sim-dns-" + name + "-" + transport);
    t.setDaemon(true);
    t.start();
  }

  private void udpLoop() {
    byte[] buffer = new byte[4096];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
        byte[] query = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
        byte[] answer = answer(query, "udp");
        if (answer != null) {
          udp.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
        }
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void tcpLoop() {
    while (!closed) {
      try {
        Socket client = tcp.accept();
        tcpClients.add(client);
        startDaemon(() -> serveTcp(client), "tcp-client");
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void serveTcp(Socket client) {
    try (client) {
      client.setSoTimeout(10_000);
      DataInputStream in = new DataInputStream(client.getInputStream());
      DataOutputStream out = new DataOutputStream(client.getOutputStream());
      while (!closed) {
        int length = in.readUnsignedShort();
        byte[] query = in.readNBytes(length);
        byte[] answer = answer(query, "tcp");
        if (answer != null) {
          out.writeShort(answer.length);
          out.write(answer);
          out.flush();
        }
      }
    } catch (EOFException e) {
      // the client is done
    } catch (IOException e) {
      // timed out or closed
    } finally {
      tcpClients.remove(client);
    }
  }

  /** The wire answer to a query, or null to stay silent. */
  private byte[] answer(byte[] wire, String transport) {
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException e) {
      return null; // not DNS: ignore, as a resolver drops garbage
    }
    Record question = query.getQuestion();
    if (question == null) {
      return null;
    }
    String host = key(question.getName().toString());
    DnsBehaviour behaviour = behaviours.getOrDefault(host, otherwise);
    DnsQuery seen =
        new DnsQuery(
            Instant.now(),
            name,
            host,
            Type.string(question.getType()),
            transport,
            behaviour.describe());
    queries.add(seen);
    untaken.add(seen);
    if (behaviour instanceof DnsBehaviour.Silence) {
      return null;
    }
    Message reply = new Message(query.getHeader().getID());
    reply.getHeader().setFlag(Flags.QR);
    reply.getHeader().setFlag(Flags.RA);
    if (query.getHeader().getFlag(Flags.RD)) {
      reply.getHeader().setFlag(Flags.RD);
    }
    reply.addRecord(question, Section.QUESTION);
    // follow aliases as a recursive resolver does: CNAME records first, then the target's answer
    Name owner = question.getName();
    for (int hops = 0; behaviour instanceof DnsBehaviour.Alias alias && hops < 16; hops++) {
      Name target;
      try {
        target = Name.fromString(alias.target() + ".");
      } catch (TextParseException e) {
        break;
      }
      reply.addRecord(new CNAMERecord(owner, DClass.IN, TTL, target), Section.ANSWER);
      owner = target;
      behaviour = behaviours.getOrDefault(key(alias.target()), otherwise);
    }
    if (behaviour instanceof DnsBehaviour.Silence) {
      return null;
    }
    if (behaviour instanceof DnsBehaviour.Failure f) {
      reply.getHeader().setRcode(f.rcode());
    } else if (behaviour instanceof DnsBehaviour.Answer a) {
      if (a.truncatedOverUdp() && transport.equals("udp")) {
        reply.getHeader().setFlag(Flags.TC);
      } else {
        addAddresses(reply, owner, question.getType(), a.addresses());
      }
    }
    reply
        .getHeader()
        .setRcode(behaviour instanceof DnsBehaviour.Failure f ? f.rcode() : Rcode.NOERROR);
    return reply.toWire();
  }

  private static void addAddresses(
      Message reply, Name owner, int type, List<InetAddress> addresses) {
    for (InetAddress address : addresses) {
      boolean v4 = address instanceof Inet4Address;
      if (type == Type.A && v4) {
        reply.addRecord(new ARecord(owner, DClass.IN, TTL, address), Section.ANSWER);
      } else if (type == Type.AAAA && !v4) {
        reply.addRecord(new AAAARecord(owner, DClass.IN, TTL, address), Section.ANSWER);
      }
    }
  }

  private static String key(String host) {
    String h = host.trim().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }

  /** How to build a resolver. */
  public static final class Builder {
    private final Map<String, DnsBehaviour> behaviours = new ConcurrentHashMap<>();
    private String name = "dns";
    private String bindAddress = Loopback.DEFAULT;
    private int port;
    private DnsBehaviour otherwise = DnsBehaviour.nxdomain();

    private Builder() {}

    /** A short name for the log, e.g. {@code system} or {@code public}. */
    public Builder name(String resolverName) {
      this.name = resolverName;
      return this;
    }

    public Builder bindAddress(String address) {
      this.bindAddress = address;
      return this;
    }

    public Builder port(int listenPort) {
      this.port = listenPort;
      return this;
    }

    public Builder on(String host, DnsBehaviour behaviour) {
      behaviours.put(key(host), behaviour);
      return this;
    }

    /** How names without their own behaviour are answered (default NXDOMAIN). */
    public Builder otherwise(DnsBehaviour behaviour) {
      this.otherwise = behaviour;
      return this;
    }

    public DnsServer build() {
      return new DnsServer(this);
    }

    public DnsServer start() {
      return build().start();
    }
  }
}

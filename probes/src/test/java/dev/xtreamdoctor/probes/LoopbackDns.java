package dev.xtreamdoctor.probes;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A real UDP DNS server on 127.0.0.1, built on dnsjava's Message classes. */
final class LoopbackDns implements AutoCloseable {
  enum Mode { ANSWER, NXDOMAIN, SERVFAIL, REFUSED, SILENT, NODATA }

  private final DatagramSocket socket;
  private final Mode mode;
  private final List<String> addresses;
  private final AtomicInteger queries = new AtomicInteger();
  private final Thread thread;

  private LoopbackDns(Mode mode, List<String> addresses) throws SocketException {
    this.mode = mode;
    this.addresses = addresses;
    this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.thread = new Thread(this::serve, "loopback-dns");
    thread.setDaemon(true);
    thread.start();
  }

  static LoopbackDns answering(String... addresses) throws SocketException {
    return new LoopbackDns(Mode.ANSWER, List.of(addresses));
  }

  static LoopbackDns with(Mode mode) throws SocketException {
    return new LoopbackDns(mode, List.of());
  }

  /** {@code 127.0.0.1:port}, as doctor.dns.* takes it. */
  String address() {
    return "127.0.0.1:" + socket.getLocalPort();
  }

  int queries() {
    return queries.get();
  }

  private void serve() {
    byte[] buf = new byte[1500];
    while (!socket.isClosed()) {
      try {
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        socket.receive(p);
        queries.incrementAndGet();
        if (mode == Mode.SILENT) {
          continue;
        }
        Message query = new Message(java.util.Arrays.copyOf(p.getData(), p.getLength()));
        byte[] reply = reply(query).toWire();
        socket.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
      } catch (IOException e) {
        // closed, or a packet that is no DNS: keep serving until closed
      }
    }
  }

  private Message reply(Message query) throws IOException {
    Message r = new Message(query.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.RD);
    r.getHeader().setFlag(Flags.RA);
    Record q = query.getQuestion();
    r.addRecord(q, Section.QUESTION);
    switch (mode) {
      case NXDOMAIN -> r.getHeader().setRcode(Rcode.NXDOMAIN);
      case SERVFAIL -> r.getHeader().setRcode(Rcode.SERVFAIL);
      case REFUSED -> r.getHeader().setRcode(Rcode.REFUSED);
      case ANSWER -> {
        for (String a : addresses) {
          InetAddress ip = InetAddress.getByName(a);
          if (q.getType() == Type.A && ip.getAddress().length == 4) {
            r.addRecord(new ARecord(q.getName(), DClass.IN, 60, ip), Section.ANSWER);
          } else if (q.getType() == Type.AAAA && ip.getAddress().length == 16) {
            r.addRecord(new AAAARecord(q.getName(), DClass.IN, 60, ip), Section.ANSWER);
          }
        }
      }
      default -> {
        // NODATA: NOERROR with an empty answer
      }
    }
    return r;
  }

  @Override
  public void close() {
    socket.close();
  }
}

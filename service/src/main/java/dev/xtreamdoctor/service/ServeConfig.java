package dev.xtreamdoctor.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The service's keys, {@code doctor.serve.*}: a section of the configuration that the service
 * brings (the engine's {@code DoctorConfig} knows nothing of it), loaded beside the engine's keys
 * with {@code Configuration.load(file, List.of(ServeConfig.class))}, so the same sources, order and
 * did-you-mean apply. Scripts rely on these names: do not rename them.
 */
@ConfigMapping(prefix = "doctor.serve")
public interface ServeConfig {
  /** {@code doctor.serve.host}: the address to listen on; loopback unless opened on purpose. */
  @WithDefault("127.0.0.1")
  String host();

  /** {@code doctor.serve.port}: the port to listen on (0 picks a free one). */
  @WithDefault("8765")
  int port();

  /** {@code doctor.serve.tokens}: the bearer tokens callers may present; none means no start. */
  Optional<List<String>> tokens();

  /** {@code doctor.serve.max-body-bytes}: the largest request body accepted. */
  @WithDefault("65536")
  int maxBodyBytes();

  /** {@code doctor.serve.rate-per-second}: requests one client may send per second, sustained. */
  @WithDefault("20")
  int ratePerSecond();

  /** {@code doctor.serve.rate-burst}: requests one client may send at once. */
  @WithDefault("40")
  int rateBurst();

  /** {@code doctor.serve.max-diagnoses}: diagnoses run at once (each contacts a panel). */
  @WithDefault("4")
  int maxDiagnoses();

  /** {@code doctor.serve.max-evaluations}: evaluations run at once. */
  @WithDefault("16")
  int maxEvaluations();

  /** {@code doctor.serve.queue-timeout-ms}: how long a request waits for a free slot. */
  @WithDefault("2000")
  int queueTimeoutMs();

  /**
   * {@code doctor.serve.allow-cidrs}: address ranges a diagnosis may reach although they are
   * private or local (e.g. a LAN panel); each exempts exactly its own range.
   */
  Optional<List<String>> allowCidrs();

  /** {@code doctor.serve.ports}: the ports a diagnosed panel may be on. */
  @WithDefault("80,443,8080,8000,8880,2052,2053,2082,2083,2086,2087,2095,2096,8443,25461,25463")
  List<Integer> ports();

  /** {@code doctor.serve.watch-rules}: reload the rules directory when it changes. */
  @WithDefault("true")
  boolean watchRules();

  /** {@code doctor.serve.reload-debounce-ms}: quiet time before a reload. */
  @WithDefault("500")
  int reloadDebounceMs();

  /**
   * {@code doctor.serve.reload-requires-rules-test}: a reloaded rule set must also pass every
   * bundled guide scenario ({@code rules test}) before it is put in use.
   */
  @WithDefault("false")
  boolean reloadRequiresRulesTest();

  /**
   * {@code doctor.serve.max-request-header-bytes}: request line and headers together (else 431).
   */
  @WithDefault("8192")
  int maxRequestHeaderBytes();

  /** {@code doctor.serve.max-request-headers}: header fields in one request (else 431). */
  @WithDefault("200")
  int maxRequestHeaders();

  /**
   * {@code doctor.serve.header-timeout-ms}: a request's line and headers must arrive within this,
   * or the connection is closed (a client trickling its headers holds nothing for long).
   */
  @WithDefault("10000")
  int headerTimeoutMs();

  /** {@code doctor.serve.idle-timeout-ms}: a connection with no traffic is closed after this. */
  @WithDefault("30000")
  int idleTimeoutMs();

  /** {@code doctor.serve.max-connections}: connections open at once, in all. */
  @WithDefault("512")
  int maxConnections();

  /**
   * {@code doctor.serve.max-connections-per-client}: connections open at once from one client
   * address (behind a reverse proxy every client has the proxy's address: raise it there).
   */
  @WithDefault("32")
  int maxConnectionsPerClient();

  /**
   * {@code doctor.serve.panel-max-logins}: logins to one panel host within {@code panel-window-ms},
   * whoever asks (panels ban an address after 10 usernames in 5 minutes).
   */
  @WithDefault("4")
  int panelMaxLogins();

  /** {@code doctor.serve.panel-window-ms}: the window of {@code panel-max-logins}. */
  @WithDefault("300000")
  long panelWindowMs();

  /**
   * {@code doctor.serve.panel-min-interval-ms}: the least time between two logins to one panel host
   * (flood counters count requests less than 2 s apart).
   */
  @WithDefault("3000")
  long panelMinIntervalMs();

  /** {@code doctor.serve.panel-wait-ms}: how long a diagnosis waits for its turn at a panel. */
  @WithDefault("20000")
  long panelWaitMs();

  /**
   * {@code doctor.serve.verdict-cache-ms}: how long what a diagnosis observed answers the same line
   * (server, username, password) again, marked as cached; 0 turns the cache off.
   */
  @WithDefault("120000")
  long verdictCacheMs();

  /**
   * {@code doctor.serve.redis-url}: a Redis ({@code redis://host:port}) through which several
   * replicas share the panel budget and the verdict cache; unset, each process keeps its own.
   */
  Optional<String> redisUrl();

  /**
   * {@code doctor.serve.lines-file}: the lines {@code GET /probe?line=NAME} may diagnose (name,
   * server, username and password file of each); none means no {@code /probe}.
   */
  Optional<Path> linesFile();

  /** {@code doctor.serve.frame-ancestors}: who may frame the helpdesk page (CSP). */
  @WithDefault("'self'")
  String frameAncestors();
}

package dev.xtreamdoctor.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Every request a server saw, in arrival order, without passwords: tests assert the request budget
 * and politeness with it.
 */
public final class RequestLog {
  private static final Set<String> PATH_FORMS =
      Set.of("live", "movie", "series", "timeshift", "player_api", "playlist", "epg", "hls");

  private final String serverName;
  private final Collection<String> secrets;
  private final List<RecordedRequest> all = new CopyOnWriteArrayList<>();
  private final BlockingQueue<RecordedRequest> untaken = new LinkedBlockingQueue<>();

  RequestLog(String serverName, Collection<String> secrets) {
    this.serverName = serverName;
    this.secrets = List.copyOf(secrets);
  }

  RecordedRequest record(Request request) {
    RecordedRequest r =
        new RecordedRequest(
            request.time(),
            serverName,
            request.method(),
            maskedPath(request.path(), request.param("password").orElse("")),
            new ArrayList<>(request.params().keySet()),
            request.param("action").orElse(""),
            request.param("username").orElse(""),
            request.userAgent(),
            request.header("host").orElse(""),
            request.source().getAddress().getHostAddress(),
            request.source().getPort());
    all.add(r);
    untaken.add(r);
    return r;
  }

  /** All requests so far, oldest first. */
  public List<RecordedRequest> requests() {
    return List.copyOf(all);
  }

  public int count() {
    return all.size();
  }

  /** How many requests went to this path, e.g. {@code /player_api.php}. */
  public int count(String path) {
    return count(r -> r.path().equals(path));
  }

  public int count(Predicate<RecordedRequest> which) {
    return (int) all.stream().filter(which).count();
  }

  /** The shortest time between two consecutive requests, or null with fewer than two. */
  public Duration shortestGap() {
    List<RecordedRequest> seen = requests();
    Duration shortest = null;
    for (int i = 1; i < seen.size(); i++) {
      Duration gap = Duration.between(seen.get(i - 1).time(), seen.get(i).time());
      if (shortest == null || gap.compareTo(shortest) < 0) {
        shortest = gap;
      }
    }
    return shortest;
  }

  /** The distinct non-empty usernames tried, in first-seen order. */
  public List<String> distinctUsernames() {
    return all.stream()
        .map(RecordedRequest::username)
        .filter(u -> !u.isEmpty())
        .distinct()
        .toList();
  }

  /** The oldest request not taken yet, waiting up to {@code timeout} for one; null if none came. */
  public RecordedRequest takeRequest(Duration timeout) {
    try {
      return untaken.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  /** Forgets everything seen so far. */
  public void clear() {
    all.clear();
    untaken.clear();
  }

  /** Masks credentials carried in the path: path forms, and any segment that is a password. */
  private String maskedPath(String path, String requestPassword) {
    String[] parts = path.split("/", -1);
    // "/live/U/P/1.ts" splits into "", "live", "U", "P", ...
    if (parts.length > 3 && PATH_FORMS.contains(parts[1])) {
      parts[3] = "***";
    } else if (parts.length == 4 && StreamPath.parse(path).isPresent()) {
      parts[2] = "***"; // the short stream form /U/P/1.ts
    }
    for (int i = 0; i < parts.length; i++) {
      if (isSecret(parts[i], requestPassword)) {
        parts[i] = "***";
      }
    }
    return String.join("/", parts);
  }

  private boolean isSecret(String segment, String requestPassword) {
    if (segment.isEmpty()) {
      return false;
    }
    return segment.equals(requestPassword) || secrets.contains(segment);
  }
}

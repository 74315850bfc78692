package dev.xtreamdoctor.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A line (subscription) on a simulated panel.
 *
 * @param username the login name (matched case-sensitively, as {@code case_sensitive_line}=1)
 * @param password the password
 * @param status the status set by the admin; {@code ACTIVE} lines whose {@code expDate} is past are
 *     reported as {@code Expired}, as the panels compute it
 * @param expDate {@code exp_date} as the panel stores it: unix seconds as text, {@code ""}, {@code
 *     "0"}, or null (never expires)
 * @param trial {@code is_trial}
 * @param activeCons {@code active_cons}
 * @param maxConnections {@code max_connections} (0 = unlimited)
 * @param createdAt {@code created_at}, unix seconds
 * @param allowedOutputFormats {@code allowed_output_formats}
 */
public record Account(
    String username,
    String password,
    LineStatus status,
    String expDate,
    boolean trial,
    int activeCons,
    int maxConnections,
    long createdAt,
    List<String> allowedOutputFormats) {
  private static final long DEFAULT_CREATED_AT = 1_700_000_000L; // 2023-11-14

  public Account {
    allowedOutputFormats = List.copyOf(allowedOutputFormats);
  }

  /** An active line that never expires, one connection allowed, none in use. */
  public static Account active(String username, String password) {
    return new Account(
        username,
        password,
        LineStatus.ACTIVE,
        null,
        false,
        0,
        1,
        DEFAULT_CREATED_AT,
        List.of("m3u8", "ts", "rtmp"));
  }

  /** An active line whose exp_date passed 30 days ago: panels report it Expired. */
  public static Account expired(String username, String password) {
    return active(username, password).expiringAt(Instant.now().minus(Duration.ofDays(30)));
  }

  /** The same line under another username and password. */
  public Account withCredentials(String newUsername, String newPassword) {
    return toBuilder().credentials(newUsername, newPassword).build();
  }

  public Account withStatus(LineStatus newStatus) {
    return toBuilder().status(newStatus).build();
  }

  /** Sets exp_date verbatim: null, {@code ""}, {@code "0"} or unix seconds. */
  public Account withExpDate(String newExpDate) {
    return toBuilder().expDate(newExpDate).build();
  }

  public Account expiringAt(Instant when) {
    return withExpDate(Long.toString(when.getEpochSecond()));
  }

  public Account withTrial(boolean isTrial) {
    return toBuilder().trial(isTrial).build();
  }

  public Account withConnections(int active, int max) {
    return toBuilder().connections(active, max).build();
  }

  /** A builder starting from this line. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** A line changed a few values at a time. */
  public static final class Builder {
    private String username;
    private String password;
    private LineStatus status;
    private String expDate;
    private boolean trial;
    private int activeCons;
    private int maxConnections;
    private final long createdAt;
    private final List<String> allowedOutputFormats;

    private Builder(Account a) {
      username = a.username;
      password = a.password;
      status = a.status;
      expDate = a.expDate;
      trial = a.trial;
      activeCons = a.activeCons;
      maxConnections = a.maxConnections;
      createdAt = a.createdAt;
      allowedOutputFormats = a.allowedOutputFormats;
    }

    public Builder credentials(String newUsername, String newPassword) {
      username = newUsername;
      password = newPassword;
      return this;
    }

    public Builder status(LineStatus value) {
      status = value;
      return this;
    }

    /** exp_date verbatim: null, {@code ""}, {@code "0"} or unix seconds. */
    public Builder expDate(String value) {
      expDate = value;
      return this;
    }

    public Builder trial(boolean value) {
      trial = value;
      return this;
    }

    public Builder connections(int active, int max) {
      activeCons = active;
      maxConnections = max;
      return this;
    }

    public Account build() {
      return new Account(
          username,
          password,
          status,
          expDate,
          trial,
          activeCons,
          maxConnections,
          createdAt,
          allowedOutputFormats);
    }
  }

  /** The status the panel reports at {@code now}: admin's word first, then the expiry date. */
  public LineStatus effectiveStatus(Instant now) {
    if (status != LineStatus.ACTIVE) {
      return status;
    }
    return isPast(now) ? LineStatus.EXPIRED : LineStatus.ACTIVE;
  }

  private boolean isPast(Instant now) {
    if (expDate == null || expDate.isBlank()) {
      return false;
    }
    try {
      long seconds = Long.parseLong(expDate.trim());
      return seconds > 0 && seconds < now.getEpochSecond();
    } catch (NumberFormatException e) {
      return false; // an ISO date or junk: the PHP comparison would not expire it either
    }
  }

  /** Never print the password. */
  @Override
  public String toString() {
    return "Account[" + username + ", " + status + ", exp_date=" + expDate + "]";
  }
}

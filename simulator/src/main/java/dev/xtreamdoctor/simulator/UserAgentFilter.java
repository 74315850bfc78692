package dev.xtreamdoctor.simulator;

import java.util.regex.Pattern;

/**
 * A provider-side filter on the User-Agent (a WAF rule, not the panel): an empty UA, or one not
 * matching the allowed pattern, gets a refusal; everything else reaches the site.
 */
public final class UserAgentFilter implements Overlay {
  private final int status;
  private final Pattern allowed;

  private UserAgentFilter(int status, Pattern allowed) {
    this.status = status;
    this.allowed = allowed;
  }

  /** Refuses with this status: 401, 403, 404, 454 or 884 as seen in the wild. */
  public static UserAgentFilter refusingWith(int status) {
    return new UserAgentFilter(status, null);
  }

  /** Refuses with a 200 HTML "Access denied" page: the non-JSON answer. */
  public static UserAgentFilter refusingWithHtml() {
    return new UserAgentFilter(200, null);
  }

  /** Only user agents matching this regular expression (found anywhere in the UA) pass. */
  public UserAgentFilter allowing(String regex) {
    return new UserAgentFilter(status, Pattern.compile(regex));
  }

  public boolean accepts(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return false;
    }
    return allowed == null || allowed.matcher(userAgent).find();
  }

  @Override
  public Reply handle(Request request, Handler next) {
    if (accepts(request.userAgent())) {
      return next.handle(request);
    }
    return Reply.answer(refusal());
  }

  private Response refusal() {
    return switch (status) {
      case 200 ->
          Response.of(200, "text/html; charset=UTF-8", Pages.accessDenied())
              .withHeader("Server", "nginx");
      case 401 -> PanelServer.nginxPage(401, "Authorization Required").withReason("Unauthorized");
      case 403, 404 -> PanelServer.nginxPage(status, Response.reasonOf(status));
      default -> Response.of(status, "text/html", new byte[0]).withHeader("Server", "nginx");
    };
  }
}

package dev.xtreamdoctor.simulator;

/** The canned bodies of web servers in front of panels, byte for byte where it matters. */
public final class Pages {
  private static final String CRLF = "\r\n";
  private static final String NGINX_TAIL =
      "<hr><center>nginx</center>" + CRLF + "</body>" + CRLF + "</html>" + CRLF;
  private static final String MSIE_PADDING =
      "<!-- a padding to disable MSIE and Chrome friendly error page -->" + CRLF;

  private Pages() {}

  /** nginx's own error page for a status, e.g. {@code 404 Not Found} (no padding). */
  public static String nginxError(int status, String reason) {
    String title = status + " " + reason;
    return "<html>"
        + CRLF
        + "<head><title>"
        + title
        + "</title></head>"
        + CRLF
        + "<body>"
        + CRLF
        + "<center><h1>"
        + title
        + "</h1></center>"
        + CRLF
        + NGINX_TAIL;
  }

  /** nginx's built-in 404, as sent to a non-MSIE client: no padding. */
  public static String nginx404() {
    return nginxError(404, "Not Found");
  }

  /**
   * The 404 page XUI.one's PHP prints for every refusal (constants.php {@code generate404}): the
   * nginx 404 followed by six padding comments, CRLF line ends.
   */
  public static String xuiFake404() {
    return nginx404() + MSIE_PADDING.repeat(6);
  }

  /** nginx's answer when plain HTTP arrives on a TLS port. */
  public static String nginxPlainHttpToHttpsPort() {
    return "<html>"
        + CRLF
        + "<head><title>400 The plain HTTP request was sent to HTTPS port</title></head>"
        + CRLF
        + "<body>"
        + CRLF
        + "<center><h1>400 Bad Request</h1></center>"
        + CRLF
        + "<center>The plain HTTP request was sent to HTTPS port</center>"
        + CRLF
        + NGINX_TAIL;
  }

  /** nginx's default site, as on a fresh install listening on the wrong port. */
  public static String nginxWelcome() {
    return """
    <!DOCTYPE html>
    <html>
    <head>
    <title>Welcome to nginx!</title>
    <style>
    html { color-scheme: light dark; }
    body { width: 35em; margin: 0 auto;
    font-family: Tahoma, Verdana, Arial, sans-serif; }
    </style>
    </head>
    <body>
    <h1>Welcome to nginx!</h1>
    <p>If you see this page, the nginx web server is successfully installed and
    working. Further configuration is required.</p>

    <p>For online documentation and support please refer to
    <a href="http://nginx.org/">nginx.org</a>.<br/>
    Commercial support is available at
    <a href="http://nginx.com/">nginx.com</a>.</p>

    <p><em>Thank you for using nginx.</em></p>
    </body>
    </html>
    """;
  }

  /** A Cloudflare 52x error page for {@code host}, shaped like the real ones. */
  public static String cloudflareError(int status, String host, String rayId) {
    String title = cloudflareTitle(status);
    return
"""
<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<!--[if gt IE 8]><!--> <html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>%1$s | %2$d: %3$s</title>
<meta charset="UTF-8" />
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<meta name="robots" content="noindex, nofollow" />
<link rel="stylesheet" id="cf_styles-css" href="/cdn-cgi/styles/main.css" />
</head>
<body>
<div id="cf-wrapper">
  <div id="cf-error-details" class="p-0">
    <header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
      <h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
        <span class="inline-block">%3$s</span>
        <span class="code-label">Error code %2$d</span>
      </h1>
      <div>Visit <a href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_%2$d&amp;utm_campaign=%1$s" target="_blank" rel="noopener noreferrer">cloudflare.com</a> for more information.</div>
    </header>
  </div>
  <div class="cf-error-footer cf-wrapper w-240 lg:w-full py-10 sm:py-4 sm:px-8 mx-auto text-center sm:text-left border-solid border-0 border-t border-gray-300">
    <p class="text-13">
      <span class="cf-footer-item sm:block sm:mb-1">Cloudflare Ray ID: <strong class="font-semibold">%4$s</strong></span>
      <span class="cf-footer-item sm:block sm:mb-1"><span>Performance &amp; security by</span> <a rel="noopener noreferrer" href="https://www.cloudflare.com/5xx-error-landing?utm_source=errorcode_%2$d&amp;utm_campaign=%1$s" id="brand_link" target="_blank">Cloudflare</a></span>
    </p>
  </div>
</div>
</body>
</html>
"""
        .formatted(host, status, title, rayId);
  }

  static String cloudflareTitle(int status) {
    return switch (status) {
      case 520 -> "Web server is returning an unknown error";
      case 521 -> "Web server is down";
      case 522 -> "Connection timed out";
      case 523 -> "Origin is unreachable";
      case 524 -> "A timeout occurred";
      case 525 -> "SSL handshake failed";
      case 526 -> "Invalid SSL certificate";
      default -> "Error";
    };
  }

  /** The page an ISP's DNS points blocked names to, as after a court order. */
  public static String ispBlockPage() {
    return """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <title>Access to this website has been blocked</title>
    </head>
    <body>
    <h1>Access to this website has been blocked</h1>
    <p>Access to the website you requested has been blocked by your internet service provider
    by order of the court, because it was found to infringe copyright.</p>
    <p>This page is shown instead of the requested site. It is not an error of your device.</p>
    </body>
    </html>
    """;
  }

  /**
   * Cloudflare's managed challenge ("Just a moment..."), shown to clients that must run its
   * JavaScript first: browsers pass, IPTV apps never do. Served with 403 (today) or 503 (the older
   * "I'm Under Attack" mode, "Checking your browser before accessing").
   */
  public static String cloudflareChallenge(String host) {
    return
"""
<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="robots" content="noindex,nofollow">
<meta name="viewport" content="width=device-width,initial-scale=1">
</head><body><div class="main-wrapper" role="main"><div class="main-content">
<h1 class="zone-name-title h1">%1$s</h1>
<h2 class="h2" id="challenge-running">Checking if the site connection is secure</h2>
<noscript><div id="challenge-error-title"><div class="h2"><span class="icon-wrapper"></span>
<span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></div></noscript>
<div id="challenge-body-text" class="core-msg spacer">%1$s needs to review the security of your connection before proceeding.</div>
</div></div>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: "%1$s",cType: 'managed'};
var cpo = document.createElement('script');cpo.src = '/cdn-cgi/challenge-platform/h/b/orchestrate/chl_page/v1';
document.getElementsByTagName('head')[0].appendChild(cpo);}());</script>
</body></html>
"""
        .formatted(host);
  }

  /** A web application firewall's refusal for a client it does not like: HTML, not JSON. */
  public static String accessDenied() {
    return """
    <!DOCTYPE html>
    <html>
    <head><title>Access denied</title></head>
    <body>
    <h1>Access denied</h1>
    <p>Your client is not allowed to access this service.</p>
    </body>
    </html>
    """;
  }

  /**
   * A PHP warning as {@code display_errors=On} with {@code html_errors=On} prints it, in the
   * panel's own path (a common sight on badly kept Xtream UI installs).
   */
  public static String phpWarning() {
    return "<br />\n<b>Warning</b>:  Undefined array key \"HTTP_X_FORWARDED_FOR\" in"
        + " <b>/home/xtreamcodes/iptv_xtream_codes/wwwdir/init.php</b> on line <b>41</b><br />\n";
  }
}

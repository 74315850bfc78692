package dev.xtreamdoctor.simulator;

/** Sites that are not panels: what users reach when the address or port is wrong. */
public final class Sites {
  private Sites() {}

  /** An ISP's block page, served for any path, as after a hijacked DNS answer. */
  public static Handler ispBlockPage() {
    return request ->
        Reply.answer(
            Response.of(200, "text/html; charset=utf-8", Pages.ispBlockPage())
                .withHeader("Server", "BlockPage")
                .withHeader("Cache-Control", "no-store"));
  }

  /**
   * A plain nginx (the wrong port of the right host): its welcome page at {@code /}, its own 404
   * without padding everywhere else.
   */
  public static Handler plainNginx() {
    return request -> {
      if (request.path().equals("/") || request.path().equals("/index.html")) {
        return Reply.answer(
            Response.of(200, "text/html", Pages.nginxWelcome()).withHeader("Server", "nginx"));
      }
      return Reply.answer(PanelServer.nginxPage(404, "Not Found"));
    };
  }

  /** The same answer for every request. */
  public static Handler fixed(Response response) {
    return request -> Reply.answer(response);
  }
}

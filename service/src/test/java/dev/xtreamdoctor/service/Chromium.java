package dev.xtreamdoctor.service;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Headless Chromium driven over the DevTools protocol (a WebSocket, JSON messages), with nothing
 * but the JDK's HTTP client: a test presses keys, types, reads the page's state, emulates a screen
 * size or a colour scheme and takes screenshots, as a person and a reviewer would. Chromium's own
 * errors (a script error, a refused Content-Security-Policy) are collected in {@link #problems()}.
 */
final class Chromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
  private final List<String> problems = new CopyOnWriteArrayList<>();

  /** Whether this machine has Chromium; in CI ({@code CI} set) it must, and a test runs anyway. */
  static boolean mustRun() {
    return Files.isExecutable(BINARY) || System.getenv("CI") != null;
  }

  private Chromium(Process process, WebSocket socket) {
    this.process = process;
    this.socket = socket;
  }

  /** A browser with a fresh profile in {@code profile}, showing one empty tab. */
  static Chromium start(Path profile) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                BINARY.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--disable-extensions",
                "--hide-scrollbars",
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--user-data-dir=" + profile,
                "about:blank"));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      // Chromium writes the port it chose, then the browser's path, into the profile.
      Path activePort = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(activePort) || Files.readAllLines(activePort).size() < 2) {
        if (!p.isAlive() || System.nanoTime() > deadline) {
          throw new IOException(
              "chromium did not open its DevTools port (exit "
                  + (p.isAlive() ? "none" : p.exitValue())
                  + ")");
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(activePort).get(0).strip());
      HttpClient http = HttpClient.newHttpClient();
      String list =
          http.send(
                  HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      String tab =
          Json.createReader(new StringReader(list))
              .readArray()
              .getValuesAs(JsonObject.class)
              .stream()
              .filter(t -> t.getString("type").equals("page"))
              .findFirst()
              .orElseThrow()
              .getString("webSocketDebuggerUrl");
      Listener listener = new Listener();
      WebSocket ws =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(tab), listener)
              .get(10, TimeUnit.SECONDS);
      Chromium c = new Chromium(p, ws);
      listener.browser = c;
      c.send("Page.enable");
      c.send("Runtime.enable");
      c.send("Log.enable");
      // headless has no window to focus: let the page behave as focused (focus rings, clipboard)
      c.send("Emulation.setFocusEmulationEnabled", Json.createObjectBuilder().add("enabled", true));
      return c;
    } catch (Exception e) {
      p.destroyForcibly();
      throw e;
    }
  }

  /** Back to a fresh tab's state: no emulated size or scheme, no problems noted, an empty page. */
  void reset() throws Exception {
    send("Page.navigate", Json.createObjectBuilder().add("url", "about:blank"));
    send("Emulation.clearDeviceMetricsOverride");
    send(
        "Emulation.setEmulatedMedia",
        Json.createObjectBuilder().add("features", Json.createArrayBuilder()));
    problems.clear();
  }

  /** Script errors and messages Chromium logged as errors (a CSP refusal among them), so far. */
  List<String> problems() {
    return List.copyOf(problems);
  }

  JsonObject send(String method) throws Exception {
    return send(method, Json.createObjectBuilder());
  }

  JsonObject send(String method, JsonObjectBuilder params) throws Exception {
    int id = ids.incrementAndGet();
    CompletableFuture<JsonObject> answer = new CompletableFuture<>();
    pending.put(id, answer);
    String message =
        Json.createObjectBuilder()
            .add("id", id)
            .add("method", method)
            .add("params", params)
            .build()
            .toString();
    socket.sendText(message, true).get(10, TimeUnit.SECONDS);
    JsonObject reply = answer.get(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.containsKey("error")) {
      throw new AssertionError(method + ": " + reply.getJsonObject("error"));
    }
    return reply.getJsonObject("result");
  }

  /** Opens a URL in the tab and waits until the page and its script have loaded. */
  void open(String url) throws Exception {
    send("Page.navigate", Json.createObjectBuilder().add("url", url));
    waitFor("document.readyState === 'complete'", Duration.ofSeconds(20));
  }

  /** The value of a JavaScript expression in the page (a promise is awaited). */
  JsonValue eval(String expression) throws Exception {
    JsonObject r =
        send(
            "Runtime.evaluate",
            Json.createObjectBuilder()
                .add("expression", expression)
                .add("returnByValue", true)
                .add("awaitPromise", true)
                .add("userGesture", true));
    if (r.containsKey("exceptionDetails")) {
      throw new AssertionError(expression + " threw " + r.getJsonObject("exceptionDetails"));
    }
    JsonObject result = r.getJsonObject("result");
    return result.containsKey("value") ? result.get("value") : JsonValue.NULL;
  }

  String text(String expression) throws Exception {
    JsonValue v = eval(expression);
    return v.getValueType() == JsonValue.ValueType.STRING
        ? ((jakarta.json.JsonString) v).getString()
        : v.toString();
  }

  boolean truth(String expression) throws Exception {
    return eval("!!(" + expression + ")") == JsonValue.TRUE;
  }

  /**
   * Waits until the expression is true in the page; fails with what the page shows if it never is.
   */
  void waitFor(String condition, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!truth(condition)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "waited "
                + timeout.toSeconds()
                + " s for "
                + condition
                + "; the page shows:\n"
                + text("document.body ? document.body.innerText : ''")
                + "\nbrowser problems: "
                + problems);
      }
      Thread.sleep(50);
    }
  }

  /** A key pressed and released, as on a keyboard: Tab, Enter, Space, Escape, ArrowDown... */
  void press(String key) throws Exception {
    press(key, 0);
  }

  /** With modifiers: 1 Alt, 2 Ctrl, 4 Meta, 8 Shift. */
  void press(String key, int modifiers) throws Exception {
    String code = key.equals(" ") ? "Space" : key;
    int vk =
        switch (key) {
          case "Tab" -> 9;
          case "Enter" -> 13;
          case "Escape" -> 27;
          case " " -> 32;
          case "ArrowLeft" -> 37;
          case "ArrowUp" -> 38;
          case "ArrowRight" -> 39;
          case "ArrowDown" -> 40;
          default -> throw new IllegalArgumentException("no key code for " + key);
        };
    String text = key.equals("Enter") ? "\r" : key.equals(" ") ? " " : "";
    JsonObjectBuilder down =
        Json.createObjectBuilder()
            .add("type", text.isEmpty() ? "rawKeyDown" : "keyDown")
            .add("key", key)
            .add("code", code)
            .add("windowsVirtualKeyCode", vk)
            .add("modifiers", modifiers);
    if (!text.isEmpty()) {
      down.add("text", text);
    }
    send("Input.dispatchKeyEvent", down);
    send(
        "Input.dispatchKeyEvent",
        Json.createObjectBuilder()
            .add("type", "keyUp")
            .add("key", key)
            .add("code", code)
            .add("windowsVirtualKeyCode", vk)
            .add("modifiers", modifiers));
  }

  /** Text typed into whatever has the focus. */
  void type(String text) throws Exception {
    send("Input.insertText", Json.createObjectBuilder().add("text", text));
  }

  /** The viewport's size in CSS pixels, as a window of that size would have. */
  void viewport(int width, int height) throws Exception {
    send(
        "Emulation.setDeviceMetricsOverride",
        Json.createObjectBuilder()
            .add("width", width)
            .add("height", height)
            .add("deviceScaleFactor", 1)
            .add("mobile", false));
  }

  /** {@code light} or {@code dark}, as the operating system's setting would say. */
  void colourScheme(String scheme) throws Exception {
    send(
        "Emulation.setEmulatedMedia",
        Json.createObjectBuilder()
            .add(
                "features",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("name", "prefers-color-scheme")
                            .add("value", scheme))));
  }

  /**
   * Lets pages of this origin read and write the clipboard, as a person's click on "Allow" would.
   */
  void allowClipboard(String origin) throws Exception {
    send(
        "Browser.grantPermissions",
        Json.createObjectBuilder()
            .add("origin", origin)
            .add(
                "permissions",
                Json.createArrayBuilder()
                    .add("clipboardReadWrite")
                    .add("clipboardSanitizedWrite")));
  }

  /** The viewport as a PNG, written to {@code file}. */
  void screenshot(Path file) throws Exception {
    JsonObject r = send("Page.captureScreenshot", Json.createObjectBuilder().add("format", "png"));
    Files.createDirectories(file.getParent());
    Files.write(file, Base64.getDecoder().decode(r.getString("data")));
  }

  private void received(String message) {
    JsonObject m = Json.createReader(new StringReader(message)).readObject();
    if (m.containsKey("id")) {
      CompletableFuture<JsonObject> f = pending.remove(m.getInt("id"));
      if (f != null) {
        f.complete(m);
      }
      return;
    }
    String method = m.getString("method", "");
    JsonObject params = m.getJsonObject("params");
    if (method.equals("Runtime.exceptionThrown")) {
      problems.add("script error: " + params.getJsonObject("exceptionDetails"));
    } else if (method.equals("Log.entryAdded")
        && params.getJsonObject("entry").getString("level").equals("error")) {
      JsonObject e = params.getJsonObject("entry");
      String url = e.getString("url", "");
      // a failed request the page expects (a 4xx answer it shows) is not a problem of the page
      if (!e.getString("source").equals("network")) {
        problems.add(
            e.getString("source")
                + ": "
                + e.getString("text")
                + (url.isEmpty() ? "" : " (" + url + ")"));
      }
    } else if (method.equals("Runtime.consoleAPICalled")
        && params.getString("type").equals("error")) {
      problems.add("console.error: " + params.getJsonArray("args"));
    }
  }

  /**
   * Closes the browser and waits for every process of it (renderer, GPU, utility processes), so
   * that none is left running and the profile can be deleted.
   */
  @Override
  public void close() throws Exception {
    List<ProcessHandle> children = process.descendants().toList();
    try {
      int id = ids.incrementAndGet();
      socket
          .sendText("{\"id\":" + id + ",\"method\":\"Browser.close\",\"params\":{}}", true)
          .get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      // it is stopped below anyway
    }
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    for (ProcessHandle child : children) {
      if (child.isAlive()) {
        child.destroy();
      }
    }
    for (ProcessHandle child : children) {
      try {
        child.onExit().get(5, TimeUnit.SECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        child.destroyForcibly();
      }
    }
    socket.abort();
  }

  /** Puts a message's fragments together and hands it to the browser object. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();
    volatile Chromium browser;

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String message = partial.toString();
        partial.setLength(0);
        if (browser != null) { // set before the first command is sent, so no answer is missed
          browser.received(message);
        }
      }
      ws.request(1);
      return null;
    }
  }
}

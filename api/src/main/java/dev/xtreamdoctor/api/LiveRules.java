package dev.xtreamdoctor.api;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleLimits;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.facts.Settings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set in use, swapped whole: a reload reads the directory off the request path, runs every
 * check a rule set must pass ({@link RuleBook#compile(RuleFiles, RuleLimits)}: the same as {@code
 * rules check}, smoke evaluation included) and the {@link RulesCheck}, and only then replaces the
 * engine in one atomic step; diagnoses in flight finish on the engine they started with. A reload
 * that fails for any reason, a stack overflow included, leaves the last good set in use and is
 * reported by {@link #status()} and the log.
 *
 * <p>The watcher cannot die: it survives any error, notices when the directory is deleted or moved
 * away (it reports that, and keeps the rules in use), and picks the directory up again when one
 * appears at the same path.
 */
final class LiveRules implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.api.rules");

  /** How often the watcher looks whether the directory is still the one it watches. */
  static final Duration LOOK_EVERY = Duration.ofMillis(500);

  private record InUse(DiagnosisEngine engine, RulesStatus status) {}

  private final Optional<Path> directory;
  private final Settings settings;
  private final RuleLimits limits;
  private final Clock clock;
  private final RulesCheck check;
  private final RulesListener listener;
  private final AtomicReference<InUse> inUse = new AtomicReference<>();
  private final Object reloadLock = new Object();
  private volatile Thread watcher;
  private volatile WatchService watchService;
  private volatile boolean closed;

  LiveRules(
      RuleBook first,
      Optional<Path> directory,
      Settings settings,
      RuleLimits limits,
      Clock clock,
      RulesCheck check,
      RulesListener listener) {
    this.directory = directory;
    this.listener = listener;
    this.settings = settings;
    this.limits = limits;
    this.clock = clock;
    this.check = check;
    inUse.set(
        new InUse(new DiagnosisEngine(first, settings, limits), status(first, Optional.empty())));
  }

  DiagnosisEngine engine() {
    return inUse.get().engine();
  }

  RulesStatus status() {
    return inUse.get().status();
  }

  private RulesStatus status(RuleBook book, Optional<RulesStatus.FailedReload> failed) {
    return new RulesStatus(book.fingerprint(), book.files().origin(), clock.instant(), failed);
  }

  /**
   * Compiles and checks the directory now; true when the new set is in use (or nothing changed).
   */
  boolean reload() {
    if (directory.isEmpty()) {
      return true;
    }
    synchronized (reloadLock) {
      InUse current = inUse.get();
      try {
        RuleFiles files = RuleFiles.fromDirectory(directory.get());
        if (files.fingerprint().equals(current.engine().ruleBook().files().fingerprint())) {
          // back to the set in use (e.g. a broken edit undone): nothing to compile, no error left
          RulesStatus s = current.status();
          inUse.set(
              new InUse(
                  current.engine(),
                  new RulesStatus(s.fingerprint(), s.origin(), s.loadedAt(), Optional.empty())));
          return true;
        }
        RuleBook candidate = RuleBook.compile(files, limits);
        check.check(candidate);
        inUse.set(
            new InUse(
                new DiagnosisEngine(candidate, settings, limits),
                status(candidate, Optional.empty())));
        LOG.log(
            Level.INFO, "rules reloaded from {0}: {1}", directory.get(), candidate.fingerprint());
        tell(() -> listener.applied(inUse.get().status()));
        return true;
      } catch (RulesException e) {
        refuse(current, e.problems());
      } catch (StackOverflowError e) {
        refuse(
            current,
            problem(
                "the rules are nested too deeply to be read (reading them ran out of stack); look for a condition"
                    + " with very many brackets"));
      } catch (RuntimeException | Error e) {
        if (isThreadDeath(e)) {
          throw e;
        }
        LOG.log(Level.ERROR, "rules reload failed", e);
        refuse(
            current,
            problem(
                "the rules could not be loaded: "
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage()));
      }
      return false;
    }
  }

  private List<RuleProblem> problem(String message) {
    return List.of(new RuleProblem(directory.map(Path::toString).orElse("rules"), 0, 0, message));
  }

  private void refuse(InUse current, List<RuleProblem> problems) {
    RulesStatus.FailedReload failed = new RulesStatus.FailedReload(clock.instant(), problems);
    RulesStatus s = current.status();
    inUse.set(
        new InUse(
            current.engine(),
            new RulesStatus(s.fingerprint(), s.origin(), s.loadedAt(), Optional.of(failed))));
    for (RuleProblem p : problems) {
      LOG.log(Level.WARNING, "rules reload refused, still using {0}: {1}", s.fingerprint(), p);
    }
    tell(() -> listener.refused(failed));
  }

  /** A listener that throws must not stop a reload nor the watcher. */
  private static void tell(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "a rules listener failed: " + e, e);
    }
  }

  /** Watches the directory and reloads once the files have been quiet for {@code debounce}. */
  void watch(Duration debounce) throws IOException {
    if (directory.isEmpty() || watcher != null) {
      return;
    }
    WatchService ws = FileSystems.getDefault().newWatchService();
    Watched first = register(ws);
    if (first == null) {
      ws.close();
      throw new IOException("no such rules directory: " + directory.get());
    }
    watchService = ws;
    Thread t = new Thread(() -> watchLoop(ws, first, debounce), "rules-watch");
    t.setDaemon(true);
    watcher = t;
    t.start();
  }

  /** The directory being watched: its key, and which directory it is (its file key, an inode). */
  private record Watched(WatchKey key, Object identity) {}

  private Watched register(WatchService ws) throws IOException {
    Path dir = directory.get();
    Object identity = identity(dir);
    if (identity == null) {
      return null;
    }
    WatchKey key =
        dir.register(
            ws,
            StandardWatchEventKinds.ENTRY_CREATE,
            StandardWatchEventKinds.ENTRY_MODIFY,
            StandardWatchEventKinds.ENTRY_DELETE);
    return new Watched(key, identity);
  }

  /** Which directory is at the path now (null: none), so a moved or replaced one is noticed. */
  private static Object identity(Path dir) {
    try {
      BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
      return a.isDirectory() ? Objects.requireNonNullElse(a.fileKey(), a.creationTime()) : null;
    } catch (IOException e) {
      return null;
    }
  }

  private void watchLoop(WatchService ws, Watched first, Duration debounce) {
    Watched watched = first;
    boolean goneReported = false;
    while (!closed) {
      try {
        if (watched == null) {
          // The directory is gone: keep the rules in use, say so once, and wait for it to return.
          if (!goneReported) {
            refuse(
                inUse.get(),
                problem(
                    "the rules directory is gone (deleted, or moved away): the rules loaded before stay in use,"
                        + " and the directory is read again as soon as it is back"));
            goneReported = true;
          }
          Thread.sleep(LOOK_EVERY.toMillis());
          watched = register(ws);
          if (watched != null) {
            goneReported = false;
            LOG.log(Level.INFO, "rules directory {0} is back", directory.get());
            settle(ws, debounce);
            reload();
          }
          continue;
        }
        WatchKey key = ws.poll(LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        if (key == null) {
          // Quiet: is it still the same directory? (A directory moved away keeps sending events
          // about itself, at its new place; a deleted one stops.)
          if (!Objects.equals(identity(directory.get()), watched.identity())
              || !watched.key().isValid()) {
            watched.key().cancel();
            watched = null;
          }
          continue;
        }
        boolean valid = drain(key);
        settle(ws, debounce);
        if (!valid || !Objects.equals(identity(directory.get()), watched.identity())) {
          watched.key().cancel();
          watched = null;
          continue;
        }
        reload();
      } catch (InterruptedException | ClosedWatchServiceException e) {
        return; // closed: stop watching
      } catch (RuntimeException | Error | IOException e) {
        if (isThreadDeath(e)) {
          throw (Error) e;
        }
        // Never die: say what happened, and go on watching.
        LOG.log(Level.ERROR, "rules watcher: " + e, e);
        refuse(
            inUse.get(),
            problem(
                "watching the rules failed: "
                    + e.getClass().getSimpleName()
                    + ": "
                    + e.getMessage()));
      }
    }
  }

  /** Debounce: an editor saves in several steps; wait until the directory has been quiet. */
  private static void settle(WatchService ws, Duration debounce) throws InterruptedException {
    WatchKey more;
    while ((more = ws.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
      drain(more);
    }
  }

  /** Takes the key's events; false when the key is no longer valid (its directory went away). */
  private static boolean drain(WatchKey key) {
    key.pollEvents();
    return key.reset();
  }

  @SuppressWarnings("deprecation")
  private static boolean isThreadDeath(Throwable e) {
    return e instanceof ThreadDeath;
  }

  @Override
  public void close() {
    closed = true;
    WatchService ws = watchService;
    if (ws != null) {
      try {
        ws.close();
      } catch (IOException e) {
        // closing anyway
      }
    }
    Thread t = watcher;
    if (t != null) {
      t.interrupt();
    }
  }
}

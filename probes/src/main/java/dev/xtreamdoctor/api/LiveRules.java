package dev.xtreamdoctor.api;

import dev.xtreamdoctor.engine.DiagnosisEngine;
import dev.xtreamdoctor.engine.RuleBook;
import dev.xtreamdoctor.engine.RuleFiles;
import dev.xtreamdoctor.engine.RuleProblem;
import dev.xtreamdoctor.engine.RulesException;
import dev.xtreamdoctor.engine.facts.Settings;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rule set in use, swapped whole: a reload compiles the directory off the request path, runs
 * the {@link RulesCheck}, and only then replaces the engine in one atomic step; diagnoses in
 * flight finish on the engine they started with. A reload that fails leaves the last good set in
 * use and is reported by {@link #status()} and the log.
 */
final class LiveRules implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("dev.xtreamdoctor.api.rules");

  private record InUse(DiagnosisEngine engine, RulesStatus status) {}

  private final Optional<Path> directory;
  private final Settings settings;
  private final Clock clock;
  private final RulesCheck check;
  private final AtomicReference<InUse> inUse = new AtomicReference<>();
  private final Object reloadLock = new Object();
  private volatile Thread watcher;
  private volatile WatchService watchService;

  LiveRules(RuleBook first, Optional<Path> directory, Settings settings, Clock clock, RulesCheck check) {
    this.directory = directory;
    this.settings = settings;
    this.clock = clock;
    this.check = check;
    inUse.set(new InUse(new DiagnosisEngine(first, settings), status(first, Optional.empty())));
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

  /** Compiles the directory now; true when the new set is in use (or nothing changed). */
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
          inUse.set(new InUse(current.engine(), new RulesStatus(s.fingerprint(), s.origin(), s.loadedAt(), Optional.empty())));
          return true;
        }
        RuleBook candidate = RuleBook.compile(files);
        check.check(candidate);
        inUse.set(new InUse(new DiagnosisEngine(candidate, settings), status(candidate, Optional.empty())));
        LOG.log(Level.INFO, "rules reloaded from {0}: {1}", directory.get(), candidate.fingerprint());
        return true;
      } catch (RulesException e) {
        refuse(current, e.problems());
      } catch (RuntimeException | LinkageError e) {
        refuse(current, List.of(new RuleProblem(directory.get().toString(), 0, 0,
            "the rules could not be built: " + e.getClass().getSimpleName() + ": " + e.getMessage())));
      }
      return false;
    }
  }

  private void refuse(InUse current, List<RuleProblem> problems) {
    RulesStatus.FailedReload failed = new RulesStatus.FailedReload(clock.instant(), problems);
    RulesStatus s = current.status();
    inUse.set(new InUse(current.engine(),
        new RulesStatus(s.fingerprint(), s.origin(), s.loadedAt(), Optional.of(failed))));
    for (RuleProblem p : problems) {
      LOG.log(Level.WARNING, "rules reload refused, still using {0}: {1}", s.fingerprint(), p);
    }
  }

  /** Watches the directory and reloads once the files have been quiet for {@code debounce}. */
  void watch(Duration debounce) throws IOException {
    if (directory.isEmpty() || watcher != null) {
      return;
    }
    WatchService ws = FileSystems.getDefault().newWatchService();
    directory.get().register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
        StandardWatchEventKinds.ENTRY_DELETE);
    watchService = ws;
    Thread t = new Thread(() -> watchLoop(ws, debounce), "rules-watch");
    t.setDaemon(true);
    watcher = t;
    t.start();
  }

  private void watchLoop(WatchService ws, Duration debounce) {
    try {
      while (true) {
        WatchKey key = ws.take();
        drain(key);
        // debounce: an editor saves in several steps; wait until the directory is quiet
        WatchKey more;
        while ((more = ws.poll(debounce.toMillis(), TimeUnit.MILLISECONDS)) != null) {
          drain(more);
        }
        reload();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed: stop watching
    }
  }

  private static void drain(WatchKey key) {
    key.pollEvents();
    key.reset();
  }

  @Override
  public void close() {
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

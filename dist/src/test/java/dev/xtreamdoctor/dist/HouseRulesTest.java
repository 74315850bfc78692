package dev.xtreamdoctor.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.MethodTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house rules a newcomer relies on, checked over the main sources of every module the parent
 * pom lists (and bench): one simple name per main class, small files, short methods. Methods are
 * measured on javac's own syntax trees, from the first line of their declaration (annotations and
 * all) to their closing brace.
 */
class HouseRulesTest {
  static final int MAX_FILE_LINES = 500;
  static final int MAX_METHOD_LINES = 80;

  /**
   * Methods that are data, not logic: a table written as code reads best in one piece. Each entry
   * is {@code Class.method}.
   */
  static final Set<String> DATA_TABLES = Set.of();

  static Path root;
  static List<Path> mainSources;

  @BeforeAll
  static void sources() throws IOException {
    root = Path.of(System.getProperty("repo.root", "..")).toAbsolutePath().normalize();
    List<String> modules =
        new ArrayList<>(reactorModules(Files.readString(root.resolve("pom.xml"))));
    modules.add("bench");
    List<Path> found = new ArrayList<>();
    for (String module : modules) {
      Path main = root.resolve(module).resolve("src/main/java");
      if (Files.isDirectory(main)) {
        try (Stream<Path> files = Files.walk(main)) {
          files.filter(f -> f.toString().endsWith(".java")).forEach(found::add);
        }
      }
    }
    mainSources = found;
    assertTrue(mainSources.size() > 100, "found only " + mainSources.size() + " main sources");
  }

  @Test
  void noTwoMainClassesShareASimpleName() {
    Map<String, List<String>> byName =
        mainSources.stream()
            .filter(f -> !f.getFileName().toString().equals("package-info.java"))
            .collect(
                Collectors.groupingBy(
                    f -> f.getFileName().toString(),
                    TreeMap::new,
                    Collectors.mapping(f -> root.relativize(f).toString(), Collectors.toList())));
    byName.values().removeIf(paths -> paths.size() < 2);
    assertEquals(Map.of(), byName, "one name, one thing: rename one of each pair");
  }

  @Test
  void noMainSourceFileIsLongerThan500Lines() throws IOException {
    Map<String, Long> tooLong = new TreeMap<>();
    for (Path f : mainSources) {
      long lines;
      try (Stream<String> s = Files.lines(f)) {
        lines = s.count();
      }
      if (lines > MAX_FILE_LINES) {
        tooLong.put(root.relativize(f).toString(), lines);
      }
    }
    assertEquals(Map.of(), tooLong, "split these files into named pieces");
  }

  @Test
  void noMethodIsLongerThan80LinesOutsideDataTables() throws IOException {
    Map<String, Long> tooLong = new TreeMap<>();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(mainSources);
      JavacTask task = (JavacTask) javac.getTask(null, files, d -> {}, List.of(), null, units);
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      for (CompilationUnitTree unit : task.parse()) {
        LineMap lines = unit.getLineMap();
        new TreePathScanner<Void, String>() {
          @Override
          public Void visitClass(ClassTree c, String outer) {
            String name =
                outer.isEmpty() ? c.getSimpleName().toString() : outer + "." + c.getSimpleName();
            return super.visitClass(c, name);
          }

          @Override
          public Void visitMethod(MethodTree m, String owner) {
            long first = lines.getLineNumber(positions.getStartPosition(unit, m));
            long last = lines.getLineNumber(positions.getEndPosition(unit, m));
            String name = owner + "." + m.getName();
            if (last - first + 1 > MAX_METHOD_LINES && !DATA_TABLES.contains(name)) {
              tooLong.put(
                  name
                      + " ("
                      + Path.of(unit.getSourceFile().toUri()).getFileName()
                      + ":"
                      + first
                      + ")",
                  last - first + 1);
            }
            return super.visitMethod(m, owner);
          }
        }.scan(unit, "");
      }
    }
    assertEquals(Map.of(), tooLong, "split these methods into named steps");
  }

  /** The modules of the pom's first modules block (the build's own, not a profile's). */
  static List<String> reactorModules(String pom) {
    String block = pom.substring(pom.indexOf("<modules>"), pom.indexOf("</modules>"));
    return Pattern.compile("<module>\\s*([^<\\s]+)\\s*</module>")
        .matcher(block)
        .results()
        .map(r -> r.group(1))
        .toList();
  }
}

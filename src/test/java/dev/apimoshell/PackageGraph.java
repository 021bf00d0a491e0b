package dev.apimoshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packages of a source tree and which of the project's packages each one names (imports and
 * qualified names, comments and strings left out), read from the sources as they are.
 */
record PackageGraph(Map<String, Set<String>> edges, Map<String, Set<String>> foreignImports) {
  private static final Pattern PACKAGE =
      Pattern.compile("^package\\s+([\\w.]+);", Pattern.MULTILINE);
  private static final Pattern NOISE =
      Pattern.compile("//[^\\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\\\n])*\"", Pattern.DOTALL);
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)", Pattern.MULTILINE);

  static PackageGraph of(Path sourceRoot, String rootPackage) {
    Map<String, List<String>> sources = new TreeMap<>();
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        String text = Files.readString(file);
        Matcher m = PACKAGE.matcher(text);
        if (m.find()) {
          sources.computeIfAbsent(m.group(1), p -> new ArrayList<>()).add(text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Set<String>> edges = new TreeMap<>();
    Map<String, Set<String>> foreign = new TreeMap<>();
    for (var entry : sources.entrySet()) {
      String pkg = entry.getKey();
      Set<String> to = edges.computeIfAbsent(pkg, p -> new TreeSet<>());
      Set<String> other = foreign.computeIfAbsent(pkg, p -> new TreeSet<>());
      for (String text : entry.getValue()) {
        String code = NOISE.matcher(text).replaceAll(" ");
        for (String target : sources.keySet()) {
          if (!target.equals(pkg)
              && Pattern.compile("\\b" + Pattern.quote(target) + "\\.([A-Z]|\\*)")
                  .matcher(code)
                  .find()) {
            to.add(target);
          }
        }
        Matcher imports = IMPORT.matcher(code);
        while (imports.find()) {
          if (!imports.group(1).startsWith(rootPackage)) {
            other.add(imports.group(1));
          }
        }
      }
    }
    return new PackageGraph(edges, foreign);
  }

  /** The groups of packages that reach one another (Tarjan's strongly connected components). */
  List<Set<String>> cycles() {
    var index = new HashMap<String, Integer>();
    var low = new HashMap<String, Integer>();
    Deque<String> stack = new ArrayDeque<>();
    Set<String> onStack = new TreeSet<>();
    List<Set<String>> cycles = new ArrayList<>();
    for (String start : edges.keySet()) {
      if (!index.containsKey(start)) {
        connect(start, index, low, stack, onStack, cycles);
      }
    }
    return cycles;
  }

  private void connect(
      String v,
      Map<String, Integer> index,
      Map<String, Integer> low,
      Deque<String> stack,
      Set<String> onStack,
      List<Set<String>> cycles) {
    index.put(v, index.size());
    low.put(v, index.get(v));
    stack.push(v);
    onStack.add(v);
    for (String w : edges.getOrDefault(v, Set.of())) {
      if (!index.containsKey(w)) {
        connect(w, index, low, stack, onStack, cycles);
        low.put(v, Math.min(low.get(v), low.get(w)));
      } else if (onStack.contains(w)) {
        low.put(v, Math.min(low.get(v), index.get(w)));
      }
    }
    if (low.get(v).equals(index.get(v))) {
      Set<String> component = new TreeSet<>();
      String w;
      do {
        w = stack.pop();
        onStack.remove(w);
        component.add(w);
      } while (!w.equals(v));
      if (component.size() > 1) {
        cycles.add(component);
      }
    }
  }

  /**
   * The dependencies that point up: {@code layers} lists packages from the top down, and a package
   * may name only packages listed below it.
   */
  List<String> upwardEdges(List<String> layers) {
    List<String> upward = new ArrayList<>();
    edges.forEach(
        (from, targets) -> {
          for (String to : targets) {
            if (layers.indexOf(to) < layers.indexOf(from)) {
              upward.add(from + " -> " + to);
            }
          }
        });
    return upward;
  }
}

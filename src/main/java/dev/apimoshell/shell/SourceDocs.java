package dev.apimoshell.shell;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The javadoc of the facade's own classes, read from the project's sources, for the second TAB.
 *
 * <p>Why not JShell's own lookup: on JDK 17 {@code SourceCodeAnalysis.documentation} reads sources
 * from the JDK's {@code lib/src.zip} only (newer JDKs add {@code JShell.Builder}'s binary-to-source
 * mapping); it ignores the class path and {@code --source-path}. So the build ships {@code
 * target/apimo-shell-sources.jar} beside {@code apimo-shell.jar}, and this class parses the one
 * source file a signature names ({@code "AgencyRef Apimo.agency(long id)"} reads {@code
 * dev/apimoshell/Apimo.java}). The system property {@value #PROPERTY} (a jar or a directory) points
 * elsewhere, as the tests do.
 */
final class SourceDocs {

  /** System property naming the sources (a jar or a directory), instead of the jar's neighbour. */
  static final String PROPERTY = "apimo.sources";

  private static final SourceDocs NONE = new SourceDocs(null, Map.of());

  private final Path root;
  private final Map<String, List<String>> filesBySimpleName;
  private final Map<String, Parsed> parsed = new HashMap<>();

  private SourceDocs(Path root, Map<String, List<String>> filesBySimpleName) {
    this.root = root;
    this.filesBySimpleName = filesBySimpleName;
  }

  /** The sources named by {@value #PROPERTY}, else the jar beside this class's jar, else none. */
  static SourceDocs locate() {
    String property = System.getProperty(PROPERTY);
    Path sources = property != null ? Path.of(property) : besideTheJar();
    try {
      if (sources == null || !Files.exists(sources)) {
        return NONE;
      }
      Path root =
          Files.isDirectory(sources)
              ? sources
              : FileSystems.newFileSystem(sources).getRootDirectories().iterator().next();
      return new SourceDocs(root, index(root));
    } catch (IOException | RuntimeException e) {
      return NONE;
    }
  }

  /** {@code lib/apimo-shell.jar} gives {@code lib/apimo-shell-sources.jar}. */
  private static Path besideTheJar() {
    try {
      Path code =
          Path.of(SourceDocs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      String name = code.getFileName().toString();
      return name.endsWith(".jar")
          ? code.resolveSibling(name.substring(0, name.length() - 4) + "-sources.jar")
          : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  private static Map<String, List<String>> index(Path root) throws IOException {
    Map<String, List<String>> index = new HashMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      files
          .filter(f -> f.toString().endsWith(".java"))
          .forEach(
              f -> {
                String file = f.getFileName().toString();
                index
                    .computeIfAbsent(file.substring(0, file.length() - 5), k -> new ArrayList<>())
                    .add(root.relativize(f).toString());
              });
    }
    return index;
  }

  /**
   * The raw javadoc of what a JShell documentation signature names (a method, constructor, field or
   * type of the facade), or null when it is not ours or has none.
   */
  synchronized String javadoc(String signature) {
    if (root == null) {
      return null;
    }
    Target target = Target.of(signature);
    for (String file : candidates(target.type())) {
      Parsed source = parse(file);
      if (source == null) {
        continue;
      }
      String[] nested = target.type().split("\\.");
      String doc = source.find(nested, target);
      if (doc != null) {
        return doc;
      }
    }
    return null;
  }

  /** Files that may declare the type: by its path when qualified, else by its simple name. */
  private List<String> candidates(String type) {
    String[] parts = type.split("\\.");
    List<String> files = new ArrayList<>();
    for (int k = parts.length; k > 0; k--) {
      String path = String.join("/", List.of(parts).subList(0, k)) + ".java";
      if (filesBySimpleName.getOrDefault(parts[k - 1], List.of()).contains(path)) {
        files.add(path);
      }
    }
    files.addAll(filesBySimpleName.getOrDefault(parts[0], List.of()));
    return files.stream().distinct().toList();
  }

  private Parsed parse(String file) {
    return parsed.computeIfAbsent(
        file,
        f -> {
          try {
            String text = Files.readString(root.resolve(f));
            JavaFileObject source =
                new SimpleJavaFileObject(URI.create("string:///" + f), JavaFileObject.Kind.SOURCE) {
                  @Override
                  public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                  }
                };
            JavacTask task =
                (JavacTask)
                    ToolProvider.getSystemJavaCompiler()
                        .getTask(null, null, d -> {}, List.of("-proc:none"), null, List.of(source));
            CompilationUnitTree unit = task.parse().iterator().next();
            return new Parsed(unit, DocTrees.instance(task));
          } catch (IOException | RuntimeException e) {
            return null;
          }
        });
  }

  /** One parsed source file. */
  private record Parsed(CompilationUnitTree unit, DocTrees trees) {

    /** The comment of the member of the (nested) class whose simple names end {@code names}. */
    String find(String[] names, Target target) {
      TreePath type = null;
      for (Tree t : unit.getTypeDecls()) {
        type = findType(new TreePath(new TreePath(unit), t), names);
        if (type != null) {
          break;
        }
      }
      if (type == null) {
        return null;
      }
      if (target.member() == null) {
        return trees.getDocComment(type);
      }
      TreePath byName = null;
      for (Tree member : ((ClassTree) type.getLeaf()).getMembers()) {
        TreePath path = new TreePath(type, member);
        if (member instanceof MethodTree m && m.getName().contentEquals(target.member())) {
          List<String> params =
              m.getParameters().stream().map(p -> p.getName().toString()).toList();
          if (params.equals(target.parameters())) {
            return trees.getDocComment(path);
          }
          byName = byName == null ? path : byName;
        } else if (member instanceof VariableTree v
            && target.parameters() == null
            && v.getName().contentEquals(target.member())) {
          return trees.getDocComment(path);
        }
      }
      return byName == null ? null : trees.getDocComment(byName);
    }

    /** The class at {@code path} when its simple name is in the qualified {@code names}. */
    private static TreePath findType(TreePath path, String[] names) {
      if (!(path.getLeaf() instanceof ClassTree c)) {
        return null;
      }
      int k = List.of(names).indexOf(c.getSimpleName().toString());
      TreePath found = k < 0 ? null : path;
      for (int n = k + 1; n < names.length && found != null; n++) {
        found = nestedType(found, names[n]);
      }
      return found;
    }

    private static TreePath nestedType(TreePath type, String name) {
      for (Tree member : ((ClassTree) type.getLeaf()).getMembers()) {
        if (member instanceof ClassTree t && t.getSimpleName().contentEquals(name)) {
          return new TreePath(type, member);
        }
      }
      return null;
    }
  }

  /**
   * What a signature names: the type as written ({@code Apimo}, {@code dev.apimoshell.api.Query}),
   * the member ({@code null} for the type itself, {@code <init>} for a constructor) and, for
   * methods, the parameter names ({@code null} for fields and types).
   */
  record Target(String type, String member, List<String> parameters) {

    static Target of(String signature) {
      int paren = signature.indexOf('(');
      if (paren < 0) {
        int colon = signature.indexOf(':');
        String name = withoutTypeArguments(colon < 0 ? signature : signature.substring(0, colon));
        int dot = name.lastIndexOf('.');
        return colon < 0
            ? new Target(name, null, null)
            : new Target(name.substring(0, dot), name.substring(dot + 1), null);
      }
      String head = signature.substring(0, paren);
      String name = withoutTypeArguments(lastWord(head));
      List<String> parameters = new ArrayList<>();
      for (String p : splitTopLevel(signature.substring(paren + 1, signature.lastIndexOf(')')))) {
        String[] words = p.strip().split("\\s+");
        if (!p.isBlank()) {
          parameters.add(words[words.length - 1]);
        }
      }
      int dot = name.lastIndexOf('.');
      return dot < 0
          ? new Target(name, "<init>", parameters)
          : new Target(name.substring(0, dot), name.substring(dot + 1), parameters);
    }

    /** The text after the last space outside {@code <...>}: {@code Query<T>.where}. */
    private static String lastWord(String head) {
      int depth = 0;
      for (int i = head.length() - 1; i >= 0; i--) {
        char c = head.charAt(i);
        depth += c == '>' ? 1 : c == '<' ? -1 : 0;
        if (depth == 0 && c == ' ') {
          return head.substring(i + 1);
        }
      }
      return head;
    }

    private static List<String> splitTopLevel(String parameters) {
      List<String> parts = new ArrayList<>();
      int depth = 0;
      int start = 0;
      for (int i = 0; i < parameters.length(); i++) {
        char c = parameters.charAt(i);
        depth += c == '<' ? 1 : c == '>' ? -1 : 0;
        if (depth == 0 && c == ',') {
          parts.add(parameters.substring(start, i));
          start = i + 1;
        }
      }
      parts.add(parameters.substring(start));
      return parts;
    }

    private static String withoutTypeArguments(String name) {
      StringBuilder out = new StringBuilder();
      int depth = 0;
      for (char c : name.toCharArray()) {
        if (c == '<') {
          depth++;
        } else if (c == '>') {
          depth--;
        } else if (depth == 0) {
          out.append(c);
        }
      }
      return out.toString().strip();
    }
  }
}

package dev.apimoshell.shell;

import java.lang.reflect.Member;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The imports of {@code startup.jsh} a script has not needed yet. JShell compiles every import in
 * force into every snippet, and the first compile of the seventeen was a seventh of {@code -e
 * '1+1'}: a script's engine imports only those whose names its text uses, and the rest as soon as a
 * snippet fails to compile without them (the engine then compiles that snippet again).
 *
 * <pre>{@code
 * LazyImports lazy = new LazyImports();
 * lazy.add("import java.time.*;");
 * lazy.add("import java.util.*;");
 * lazy.takeNeeded("List.of(1)"); // ["import java.util.*;"]
 * }</pre>
 */
final class LazyImports {

  private static final Pattern IMPORT =
      Pattern.compile("import\\s+(static\\s+)?([\\w.$]+?)(\\s*\\.\\s*\\*)?\\s*;");

  private static final Pattern NAME = Pattern.compile("[\\p{L}_$][\\p{L}\\p{N}_$]*");

  private final List<String> pending = new ArrayList<>();

  /** An import statement to hold back until needed, e.g. {@code import java.util.*;}. */
  void add(String source) {
    pending.add(source);
  }

  boolean isEmpty() {
    return pending.isEmpty();
  }

  /** The held-back imports {@code text} may use, in their order; they are no longer held back. */
  List<String> takeNeeded(String text) {
    if (pending.isEmpty()) {
      return List.of();
    }
    Set<String> names = new HashSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      names.add(m.group());
    }
    List<String> needed = new ArrayList<>();
    for (Iterator<String> it = pending.iterator(); it.hasNext(); ) {
      String source = it.next();
      if (usesAny(source, names)) {
        needed.add(source);
        it.remove();
      }
    }
    return needed;
  }

  /** Every held-back import, in order; none is held back any longer. */
  List<String> takeAll() {
    List<String> all = List.copyOf(pending);
    pending.clear();
    return all;
  }

  /** Whether one of {@code names} may be one the import brings in; when unsure, yes. */
  private static boolean usesAny(String source, Set<String> names) {
    Matcher m = IMPORT.matcher(source);
    if (!m.find()) {
      return true;
    }
    boolean isStatic = m.group(1) != null;
    String target = m.group(2);
    boolean star = m.group(3) != null;
    if (!star) {
      return names.contains(target.substring(target.lastIndexOf('.') + 1));
    }
    if (isStatic) {
      return staticMembers(target, names);
    }
    String folder = target.replace('.', '/') + "/";
    ClassLoader loader = ClassLoader.getSystemClassLoader();
    for (String name : names) {
      if (Character.isUpperCase(name.charAt(0))
          && loader.getResource(folder + name + ".class") != null) {
        return true;
      }
    }
    return false;
  }

  private static boolean staticMembers(String className, Set<String> names) {
    try {
      Class<?> type = Class.forName(className, false, ClassLoader.getSystemClassLoader());
      List<Member> members = new ArrayList<>(List.of(type.getMethods()));
      members.addAll(List.of(type.getFields()));
      for (Member member : members) {
        if (Modifier.isStatic(member.getModifiers()) && names.contains(member.getName())) {
          return true;
        }
      }
      for (Class<?> nested : type.getClasses()) {
        if (names.contains(nested.getSimpleName())) {
          return true;
        }
      }
      return false;
    } catch (ClassNotFoundException | LinkageError e) {
      return true;
    }
  }
}

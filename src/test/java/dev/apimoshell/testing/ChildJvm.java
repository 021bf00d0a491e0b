package dev.apimoshell.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a command line for a test's own child JVM: this JDK's {@code java} with the flags
 * the test JVMs run with (C1 only, serial GC, the JDK's class data archive; see the surefire
 * configuration in pom.xml), which make a short-lived JVM cost a fraction of the CPU. Example:
 * {@code new ProcessBuilder(ChildJvm.command(Main.class.getName(), "-e", "1 + 1"))}.
 */
public final class ChildJvm {
  private static final List<String> FLAGS =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

  private ChildJvm() {}

  private static List<String> java() {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(FLAGS);
    return command;
  }

  /**
   * The same flags as one string, for a launcher script that reads its JVM's options from the
   * environment: {@code env.put("APIMO_JAVA_OPTS", ChildJvm.options())}.
   */
  public static String options() {
    return String.join(" ", FLAGS);
  }

  /** {@code mainClass} with {@code args} on the test class path. */
  public static List<String> command(String mainClass, String... args) {
    return onClassPath(System.getProperty("java.class.path"), mainClass, args);
  }

  /**
   * {@code mainClass} with {@code args} on {@code classPath}, for a program that chooses its own.
   */
  public static List<String> onClassPath(String classPath, String mainClass, String... args) {
    List<String> command = java();
    command.addAll(List.of("-cp", classPath, mainClass));
    command.addAll(List.of(args));
    return command;
  }
}

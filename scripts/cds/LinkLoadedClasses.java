package io.testtrack.cds;

import java.lang.instrument.Instrumentation;

/**
 * Java agent for the class-archive training start only (scripts/run-service.sh --train), loaded
 * into the running service once it is ready ({@code jcmd <pid> JVMTI.agent_load}).
 *
 * <p>At exit, a JDK 17 JVM archives only the classes that are linked by then; a class that the
 * start loaded through Quarkus' class loader but never linked (about 2,900 of auth-service's:
 * annotation types Hibernate reads, Kafka's request types, …) is left out ("Skipping …: Not
 * linked") and read from its jar again at every start. This links each class loaded so far, once:
 * {@link Class#getDeclaredMethods()} makes HotSpot link the class. Classes loaded only by that
 * linking stay out, so the archive holds what a start loads. Loaded after the start rather than
 * with {@code -javaagent}, it leaves no mark on the archive: a JVM maps it without
 * {@code -XX:+AllowArchivingWithJavaAgent} and its "testing purposes only" warning.
 */
public final class LinkLoadedClasses {

  private LinkLoadedClasses() {}

  public static void agentmain(String arguments, Instrumentation instrumentation) {
    int linked = 0;
    int refused = 0;
    for (Class<?> type : instrumentation.getAllLoadedClasses()) {
      if (type.isArray() || type.isPrimitive() || type.isHidden()) {
        continue;
      }
      try {
        type.getDeclaredMethods();
        linked++;
      } catch (LinkageError | RuntimeException e) {
        // a class whose optional dependency is absent: it cannot be linked at run time either
        refused++;
      }
    }
    System.err.printf("cds-link: %d classes linked, %d could not be%n", linked, refused);
  }
}

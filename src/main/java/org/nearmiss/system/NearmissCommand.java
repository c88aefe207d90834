package org.nearmiss.system;

import java.util.concurrent.Callable;

/**
 * A command of {@code java -jar nearmiss.jar NAME …}, run without the web server: a picocli
 * {@code @Command} bean whose {@link #call()} returns the exit code. Modules contribute their own.
 */
public interface NearmissCommand extends Callable<Integer> {}

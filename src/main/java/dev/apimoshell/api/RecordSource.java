package dev.apimoshell.api;

import java.util.Iterator;

/**
 * The records behind a query's stream, in order: one endpoint's pages ({@link Pager}) or every
 * user's actions ({@link UsersActions}). Closing it cancels what it fetches ahead.
 */
interface RecordSource<T> extends Iterator<T>, AutoCloseable {
  @Override
  void close();
}

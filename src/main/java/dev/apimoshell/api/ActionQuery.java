package dev.apimoshell.api;

import dev.apimoshell.model.Action;
import java.util.function.Predicate;

/**
 * The actions of one user, optionally of one type (a code of the {@code action_type} catalog, sent
 * to Apimo as the {@code type} parameter).
 *
 * <pre>{@code Apimo.agency(14).user(9).actions().type(2).limit(20).list()}</pre>
 */
public final class ActionQuery extends Query<Action> {
  ActionQuery(PageFetcher fetcher, QuerySpec<Action> spec) {
    super(fetcher, spec);
  }

  /** Only actions of this type (filtered by the server). */
  public ActionQuery type(int code) {
    return with(spec.withParam("type", code));
  }

  @Override
  protected ActionQuery with(QuerySpec<Action> spec) {
    return new ActionQuery(fetcher, spec);
  }

  @Override
  public ActionQuery where(Predicate<? super Action> predicate) {
    return (ActionQuery) super.where(predicate);
  }

  @Override
  public ActionQuery limit(long n) {
    return (ActionQuery) super.limit(n);
  }

  @Override
  public ActionQuery offset(long n) {
    return (ActionQuery) super.offset(n);
  }

  @Override
  public ActionQuery pageSize(int n) {
    return (ActionQuery) super.pageSize(n);
  }
}

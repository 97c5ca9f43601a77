function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Whether `message` names `statisticId` as a whole word (`s1` must not match inside `s12`). */
function mentions(message: string, statisticId: string): boolean {
  return new RegExp(`(^|[^A-Za-z0-9_-])${escapeRegExp(statisticId)}($|[^A-Za-z0-9_-])`).test(message);
}

/**
 * The server's reason for each refused statistic. `errors[]` has one status per refused statistic
 * and its message names the statisticId (docs/vendors/genesys-engage.md §2.3, inferred); a statistic no message names gets the
 * message that names none of the request's statistics, else `fallback` — so a reason is always shown.
 */
export function refusalMessages(
  refusedIds: readonly string[],
  requestIds: readonly string[],
  errors: readonly string[],
  fallback: string,
): Map<string, string> {
  const unnamed = errors.find((message) => !requestIds.some((id) => mentions(message, id)));
  return new Map(refusedIds.map((id) => [id, errors.find((message) => mentions(message, id)) ?? unnamed ?? fallback]));
}

/**
 * The slow-query log (issue 12, decision 028): a statement that takes `config.slowQueryMs` or longer is
 * logged at warn with its duration and SQL text — never its parameters (issue 11 A5): the database
 * handle's observers are only ever given the text, with its `$1` placeholders. 0 turns the log off.
 */
import type { FastifyInstance } from 'fastify';

/** Longer statements are cut here: a log line is for finding the statement, not for replaying it. */
const MAX_SQL_LENGTH = 2000;

/** The SQL on one line, shortened. */
export function sqlForLog(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_SQL_LENGTH ? `${oneLine.slice(0, MAX_SQL_LENGTH - 1)}…` : oneLine;
}

export function registerSlowQueryLog(app: FastifyInstance) {
  const threshold = app.config.slowQueryMs;
  if (threshold <= 0) return;
  const log = app.log;
  const unobserve = app.db.observe({
    finished(event) {
      if (event.durationMs < threshold) return;
      log.warn(
        {
          event: 'db.slow_query',
          durationMs: Math.round(event.durationMs),
          thresholdMs: threshold,
          failed: event.failed,
          sql: sqlForLog(event.sql),
        },
        'slow database statement',
      );
    },
  });
  app.addHook('onClose', async () => {
    unobserve();
  });
}

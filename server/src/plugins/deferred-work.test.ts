import Fastify, { type FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { registerDeferredWork } from './deferred-work.ts';

function appWith(mode: 'after-reply' | 'manual') {
  const lines: Record<string, unknown>[] = [];
  const stream = { write: (line: string) => lines.push(JSON.parse(line)) };
  const app = Fastify({ loggerInstance: pino({ level: 'info' }, stream) as FastifyBaseLogger });
  registerDeferredWork(app, mode);
  const events: string[] = [];
  app.addHook('onResponse', async () => {
    events.push('reply sent');
  });
  app.post('/work', async (request, reply) => {
    request.defer('first', async () => {
      events.push('work ran');
    });
    request.defer('broken', async () => {
      throw new Error('the mail server is away');
    });
    return reply.code(202).send({ status: 'accepted' });
  });
  return { app, events, lines };
}

describe('work deferred until after the reply', () => {
  it('runs after the reply has been sent in production, and logs a failure instead of answering it', async () => {
    const { app, events, lines } = appWith('after-reply');
    const res = await app.inject({ method: 'POST', url: '/work' });
    expect(res.statusCode).toBe(202);
    await app.settle();
    expect(events).toEqual(['reply sent', 'work ran']);
    expect(lines).toContainEqual(
      expect.objectContaining({ event: 'deferred_work.failed', work: 'broken', level: 50 }),
    );
    await app.close();
  });

  it('holds the work until settle() in tests, and runs what is left when the app closes', async () => {
    const { app, events } = appWith('manual');
    expect((await app.inject({ method: 'POST', url: '/work' })).statusCode).toBe(202);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(events).toEqual(['reply sent']);
    await app.settle();
    expect(events).toEqual(['reply sent', 'work ran']);

    await app.inject({ method: 'POST', url: '/work' });
    await app.close();
    expect(events).toEqual(['reply sent', 'work ran', 'reply sent', 'work ran']);
  });
});

import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('logger', () => {
  it('writes one JSON object per line', () => {
    const { logger, lines } = capture();
    logger.info({ turnId: 't1' }, 'turn');
    expect(JSON.parse(lines[0]!)).toMatchObject({ msg: 'turn', turnId: 't1', service: 'debt-bot', level: 30 });
  });

  it('redacts message bodies, identity factors and secrets even if a caller passes them', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        text: 'my card is 4242 4242 4242 4242',
        activity: { text: 'born 1985-04-12', body: 'x' },
        dob: '1985-04-12',
        factors: { ssnLast4: '1234', dob: '1985-04-12' },
        password: 'hunter2',
        stripe: { secret: 'sk_test_123', apiKey: 'key' },
        req: { headers: { authorization: 'Bearer abc', cookie: 'sid=1' } },
      },
      'event',
    );
    const line = lines[0]!;
    for (const leaked of ['4242', '1985-04-12', '1234', 'hunter2', 'sk_test_123', 'Bearer abc', 'sid=1']) {
      expect(line).not.toContain(leaked);
    }
    expect(line).toContain('[redacted]');
  });
});

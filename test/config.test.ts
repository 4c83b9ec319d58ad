import { describe, expect, it } from 'vitest';
import { ConfigError, DEV_IDENTITY_HASH_KEY, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('runs with the embedded defaults on an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3978,
      HOST: '127.0.0.1',
      DATABASE_URL: 'file:./data/bot.db',
      DEMO_DATA: true,
      NODE_ENV: 'development',
      IDENTITY_HASH_KEY: DEV_IDENTITY_HASH_KEY,
    });
    expect(config.MICROSOFT_APP_ID).toBeUndefined();
  });

  it('parses typed values', () => {
    const config = loadConfig({ PORT: '8080', DEMO_DATA: 'false', TURN_TIMEOUT_MS: '5000', MICROSOFT_APP_ID: '  ' });
    expect(config.PORT).toBe(8080);
    expect(config.DEMO_DATA).toBe(false);
    expect(config.TURN_TIMEOUT_MS).toBe(5000);
    expect(config.MICROSOFT_APP_ID).toBeUndefined();
  });

  it('takes a PostgreSQL URL (either scheme) as well as a SQLite one', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://bot:secret@db.internal:5432/debtbot' }).DATABASE_URL).toBe('postgres://bot:secret@db.internal:5432/debtbot');
    expect(loadConfig({ DATABASE_URL: 'postgresql://bot@127.0.0.1/debtbot' }).DATABASE_URL).toBe('postgresql://bot@127.0.0.1/debtbot');
    expect(loadConfig({}).DATABASE_URL).toBe('file:./data/bot.db');
  });

  it.each([
    [{ PORT: 'abc' }, 'Configuration error: PORT is invalid — expected a port number'],
    [{ PORT: '70000' }, 'Configuration error: PORT is invalid'],
    [{ DATABASE_URL: 'mysql://localhost/x' }, 'Configuration error: DATABASE_URL is invalid — expected a SQLite URL such as file:./data/bot.db or a PostgreSQL URL such as postgres://user:password@host:5432/debtbot'],
    [{ DATABASE_POOL_SIZE: '0' }, 'Configuration error: DATABASE_POOL_SIZE is invalid'],
    [{ WORK_LEASE_SECONDS: '1' }, 'Configuration error: WORK_LEASE_SECONDS is invalid'],
    [{ LOG_LEVEL: 'loud' }, 'Configuration error: LOG_LEVEL is invalid — expected one of fatal, error, warn, info, debug, trace, silent'],
    [{ PUBLIC_URL: 'chat.example.com' }, 'Configuration error: PUBLIC_URL is invalid — expected an absolute URL'],
    [{ DEMO_DATA: 'maybe' }, 'Configuration error: DEMO_DATA is invalid — expected true or false'],
    [{ IDENTITY_HASH_KEY: 'short' }, 'Configuration error: IDENTITY_HASH_KEY is invalid — expected a secret of at least 32 characters'],
    [{ NODE_ENV: 'production' }, 'Configuration error: IDENTITY_HASH_KEY is missing — expected a secret of at least 32 characters (required when NODE_ENV=production)'],
    [{ MICROSOFT_APP_ID: 'abc' }, 'Configuration error: MICROSOFT_APP_PASSWORD is missing'],
    [{ NODE_ENV: 'staging' }, 'Configuration error: NODE_ENV is invalid — expected development, production or test'],
  ])('rejects %o with a line naming the variable and what it expects', (env, expected) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(expected);
  });

  it('reports every bad variable, one line each', () => {
    try {
      loadConfig({ PORT: 'x', LOG_LEVEL: 'y' });
      expect.unreachable();
    } catch (error) {
      const lines = (error as Error).message.split('\n');
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^Configuration error: PORT/);
      expect(lines[1]).toMatch(/^Configuration error: LOG_LEVEL/);
    }
  });

  it('never echoes a secret value in its error', () => {
    expect(() => loadConfig({ IDENTITY_HASH_KEY: 'tiny-secret' })).toThrow(/^(?!.*tiny-secret)/s);
  });

  it('accepts a user-assigned managed identity without a password', () => {
    expect(loadConfig({ MICROSOFT_APP_ID: 'abc', MICROSOFT_APP_TYPE: 'UserAssignedMSI' }).MICROSOFT_APP_ID).toBe('abc');
  });
});

/**
 * Issue #15, item 6: officers added, disabled and reset from the console (a temporary password,
 * shown once, replaced at the first sign-in; the CLI stays), and the placements page's template,
 * sample and column guide.
 */
import { describe, expect, it } from 'vitest';
import { OPTIONAL_PLACEMENT_COLUMNS, PLACEMENT_COLUMNS } from '../../src/import/placements.ts';
import { ConsoleClient, SUPERVISOR } from '../helpers/consoleClient.ts';
import { useConsoleApp } from './consoleFixture.ts';

const app = useConsoleApp();

const db = () => app.running.database.db;

interface Created {
  officer: { id: string; email: string; role: string; mustChangePassword: boolean; disabled: boolean };
  temporaryPassword: string;
}

describe('officer management from the console', () => {
  it('adds an officer with a temporary password that works once: the officer must choose their own before anything else', async () => {
    const created = await app.supervisor.request<Created>('POST', '/officer/api/admin/officers', { name: 'Rita Nuevo', email: ' Rita@Agency.test ', role: 'officer' });
    expect(created.status).toBe(201);
    expect(created.body.officer).toMatchObject({ email: 'rita@agency.test', role: 'officer', mustChangePassword: true, disabled: false });
    expect(created.body.temporaryPassword).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(JSON.stringify(created.body)).not.toContain('passwordHash');
    const audit = await db().auditEvent.findFirstOrThrow({ where: { type: 'officer.created' } });
    expect(audit.detailJson).not.toContain(created.body.temporaryPassword);

    const rita = new ConsoleClient(app.running.baseUrl);
    const signIn = await rita.signIn('rita@agency.test', created.body.temporaryPassword);
    expect(signIn.body).toMatchObject({ mustChangePassword: true });
    const blocked = await rita.request('GET', '/officer/api/queue');
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ mustChangePassword: true, error: expect.stringMatching(/Choose a new password first/) });
    expect((await rita.request('GET', '/officer/api/session')).body).toMatchObject({ mustChangePassword: true });

    const wrong = await rita.request('POST', '/officer/api/session/password', { currentPassword: 'not it at all', newPassword: 'rita chooses a long one' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toMatch(/current password is not right/);
    const short = await rita.request('POST', '/officer/api/session/password', { currentPassword: created.body.temporaryPassword, newPassword: 'short' });
    expect(short.body.error).toMatch(/too short/);
    const same = await rita.request('POST', '/officer/api/session/password', { currentPassword: created.body.temporaryPassword, newPassword: created.body.temporaryPassword });
    expect(same.body.error).toMatch(/different from the current one/);
    expect((await rita.request('POST', '/officer/api/session/password', { currentPassword: created.body.temporaryPassword, newPassword: 'rita chooses a long one' })).status).toBe(200);
    expect((await rita.request('GET', '/officer/api/queue')).status).toBe(200);
    expect((await new ConsoleClient(app.running.baseUrl).signIn('rita@agency.test', created.body.temporaryPassword)).status).toBe(401);
    expect((await new ConsoleClient(app.running.baseUrl).signIn('rita@agency.test', 'rita chooses a long one')).status).toBe(200);

    const again = await app.supervisor.request('POST', '/officer/api/admin/officers', { name: 'Rita Again', email: 'rita@agency.test', role: 'officer' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatch(/already has a console account/);
    expect((await app.supervisor.request('POST', '/officer/api/admin/officers', { name: 'No Role', email: 'norole@agency.test' })).status).toBe(400);
  });

  it('disables (sessions end at once) and enables an officer; resetting a password signs them out and asks for a new one', async () => {
    const created = await app.supervisor.request<Created>('POST', '/officer/api/admin/officers', { name: 'Tom Temp', email: 'tom@agency.test', role: 'officer' });
    const tom = await ConsoleClient.signedIn(app.running.baseUrl, { email: 'tom@agency.test', password: created.body.temporaryPassword });
    await tom.request('POST', '/officer/api/session/password', { currentPassword: created.body.temporaryPassword, newPassword: 'tom has a good passphrase' });
    const id = created.body.officer.id;

    const disabled = await app.supervisor.request<{ officer: { disabled: boolean } }>('POST', `/officer/api/admin/officers/${id}/disable`);
    expect(disabled.body.officer.disabled).toBe(true);
    expect((await tom.request('GET', '/officer/api/queue')).status).toBe(401);
    expect((await new ConsoleClient(app.running.baseUrl).signIn('tom@agency.test', 'tom has a good passphrase')).status).toBe(401);
    expect((await app.supervisor.request<{ officer: { disabled: boolean } }>('POST', `/officer/api/admin/officers/${id}/enable`)).body.officer.disabled).toBe(false);
    const back = await ConsoleClient.signedIn(app.running.baseUrl, { email: 'tom@agency.test', password: 'tom has a good passphrase' });

    const reset = await app.supervisor.request<Created>('POST', `/officer/api/admin/officers/${id}/reset`);
    expect(reset.body.officer.mustChangePassword).toBe(true);
    expect((await back.request('GET', '/officer/api/queue')).status).toBe(401);
    expect((await new ConsoleClient(app.running.baseUrl).signIn('tom@agency.test', 'tom has a good passphrase')).status).toBe(401);
    const withTemporary = await new ConsoleClient(app.running.baseUrl).signIn('tom@agency.test', reset.body.temporaryPassword);
    expect(withTemporary.body).toMatchObject({ mustChangePassword: true });
    const types = (await db().auditEvent.findMany({ where: { detailJson: { contains: id }, type: { startsWith: 'officer.' } } })).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['officer.created', 'officer.disabled', 'officer.enabled', 'officer.password_reset']));
  });

  it('a supervisor cannot disable their own account (so an active supervisor always remains); officers cannot manage accounts at all', async () => {
    const me = await db().officer.findUniqueOrThrow({ where: { email: SUPERVISOR.email } });
    const self = await app.supervisor.request('POST', `/officer/api/admin/officers/${me.id}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.error).toMatch(/your own account/);
    expect((await db().officer.findUniqueOrThrow({ where: { id: me.id } })).disabledAt).toBeNull();
    expect((await app.supervisor.request('GET', '/officer/api/session')).status).toBe(200);
    const ownReset = await app.supervisor.request('POST', `/officer/api/admin/officers/${me.id}/reset`);
    expect(ownReset.status).toBe(409);
    expect(ownReset.body.error).toMatch(/cannot reset your own password/);

    for (const [method, path] of [['GET', '/officer/api/admin/officers'], ['POST', '/officer/api/admin/officers'], ['POST', `/officer/api/admin/officers/${me.id}/reset`]] as const) {
      expect((await app.officer.request(method, path, method === 'POST' ? {} : undefined)).status).toBe(403);
    }
    expect((await app.supervisor.request('POST', '/officer/api/admin/officers/nobody/reset')).status).toBe(404);
  });
});

describe('the placements page’s template, sample and column guide', () => {
  it('serves the header as a template, a sample that imports cleanly, and a guide for every column', async () => {
    const template = await app.supervisor.request('GET', '/officer/api/placements/template.csv');
    expect(template.headers.get('content-disposition')).toContain('placements-template.csv');
    // The required columns, then the optional contactability ones (issue #17).
    const allColumns = [...PLACEMENT_COLUMNS, ...OPTIONAL_PLACEMENT_COLUMNS];
    expect(String(template.body)).toBe(`${allColumns.join(',')}\r\n`);
    const sample = await app.supervisor.request('GET', '/officer/api/placements/sample.csv');
    expect(String(sample.body).split('\n')[0]).toBe(allColumns.join(','));
    const upload = await app.supervisor.request('POST', '/officer/api/placements', undefined, { raw: String(sample.body), contentType: 'text/csv' });
    const report = String(upload.body).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>).at(-1)!;
    expect(report).toMatchObject({ type: 'report', imported: 3, rejected: [] });
    const guide = await app.supervisor.request<{ columns: Array<{ name: string; required: boolean; format: string; example: string }> }>('GET', '/officer/api/placements/guide');
    expect(guide.body.columns.map((c) => c.name)).toEqual(allColumns);
    for (const column of guide.body.columns) expect(column.format.length).toBeGreaterThan(5);
    expect((await app.officer.request('GET', '/officer/api/placements/template.csv')).status).toBe(403);
  });
});

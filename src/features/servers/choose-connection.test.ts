import { describe, expect, it } from 'vitest';
import type { Connection, ConnectionTier } from '../../domain';
import { chooseConnection, type ProbeOutcome } from './choose-connection';

function conn(uri: string, tier: ConnectionTier): Connection {
  const url = new URL(uri);
  return {
    uri,
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    address: url.hostname,
    port: Number(url.port),
    local: tier === 'local',
    relay: tier === 'relay',
    ipv6: false,
    tier,
  };
}

type Plan = { after: number; outcome: ProbeOutcome } | 'hang';
const TIMEOUT = 150;

/** A probe that answers per plan; a hanging candidate times out like the real probe. */
function plannedProbe(plan: Record<string, Plan>) {
  const probed: string[] = [];
  const aborted: string[] = [];
  const probe = (c: Connection, signal: AbortSignal) =>
    new Promise<ProbeOutcome>((resolve) => {
      probed.push(c.uri);
      const step = plan[c.uri] ?? 'hang';
      const timer =
        step === 'hang'
          ? setTimeout(() => resolve({ ok: false, reason: 'timeout' }), TIMEOUT)
          : setTimeout(() => resolve(step.outcome), step.after);
      signal.addEventListener('abort', () => {
        aborted.push(c.uri);
        clearTimeout(timer);
      });
    });
  return { probe, probed, aborted };
}

const ok = (after: number): Plan => ({ after, outcome: { ok: true, latencyMs: after } });
const fail = (after: number, reason: 'unreachable' | 'wrong-server' = 'unreachable'): Plan => ({
  after,
  outcome: { ok: false, reason },
});

const local = conn('https://192-168-1-2.abc.plex.direct:32400', 'local');
const localHttp = conn('http://192.168.1.2:32400', 'local');
const relay = conn('https://1-2-3-4.abc.plex.direct:8443', 'relay');
const remote = conn('https://5-6-7-8.abc.plex.direct:32400', 'remote');
const https = { pageProtocol: 'https:' };
const http = { pageProtocol: 'http:' };

async function timed<T>(work: Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await work;
  return [value, performance.now() - start];
}

describe('chooseConnection', () => {
  it('takes a local connection as soon as it answers, without waiting for the rest', async () => {
    const { probe, aborted } = plannedProbe({
      [local.uri]: ok(10),
      [relay.uri]: 'hang',
      [remote.uri]: 'hang',
    });
    const [choice, ms] = await timed(chooseConnection([remote, relay, local], probe, https));
    expect(choice.chosen).toBe(local);
    expect(ms).toBeLessThan(TIMEOUT);
    expect(aborted.sort()).toEqual([relay.uri, remote.uri].sort());
    expect(choice.candidates.find((c) => c.connection === relay)?.state).toEqual({
      ok: null,
      reason: 'not-needed',
    });
  });

  it('prefers relay over remote even when remote answers first', async () => {
    const { probe } = plannedProbe({
      [local.uri]: fail(30),
      [relay.uri]: ok(20),
      [remote.uri]: ok(5),
    });
    const choice = await chooseConnection([local, relay, remote], probe, https);
    expect(choice.chosen).toBe(relay);
  });

  it('falls to remote when local and relay fail', async () => {
    const { probe } = plannedProbe({
      [local.uri]: fail(5),
      [relay.uri]: fail(10),
      [remote.uri]: ok(15),
    });
    const choice = await chooseConnection([local, relay, remote], probe, https);
    expect(choice.chosen).toBe(remote);
    expect(choice.candidates.map((c) => c.state.ok)).toEqual([false, false, true]);
  });

  it('with a hanging local, chooses within one probe timeout, not the sum of timeouts', async () => {
    const { probe } = plannedProbe({
      [local.uri]: 'hang',
      [relay.uri]: ok(5),
      [remote.uri]: ok(5),
    });
    const [choice, ms] = await timed(chooseConnection([local, relay, remote], probe, https));
    expect(choice.chosen).toBe(relay);
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT - 5);
    expect(ms).toBeLessThan(TIMEOUT * 2);
    expect(choice.candidates[0]?.state).toEqual({ ok: false, reason: 'timeout' });
  });

  it('rejects a connection answered by a different server', async () => {
    const { probe } = plannedProbe({ [local.uri]: fail(5, 'wrong-server'), [remote.uri]: ok(10) });
    const choice = await chooseConnection([local, remote], probe, https);
    expect(choice.chosen).toBe(remote);
    expect(choice.candidates[0]?.state).toEqual({ ok: false, reason: 'wrong-server' });
  });

  it('returns no connection when everything is dead', async () => {
    const { probe } = plannedProbe({});
    const choice = await chooseConnection([local, relay], probe, https);
    expect(choice.chosen).toBeNull();
    expect(choice.candidates.every((c) => c.state.ok === false)).toBe(true);
  });

  it('skips plain-http candidates on an https page, without probing them', async () => {
    const { probe, probed } = plannedProbe({ [localHttp.uri]: ok(1), [remote.uri]: ok(20) });
    const choice = await chooseConnection([localHttp, remote], probe, https);
    expect(choice.chosen).toBe(remote);
    expect(probed).toEqual([remote.uri]);
    expect(choice.candidates[0]?.state).toEqual({ ok: false, reason: 'insecure' });
  });

  it('says nothing is left when an https page meets only http candidates', async () => {
    const { probe, probed } = plannedProbe({ [localHttp.uri]: ok(1) });
    const choice = await chooseConnection([localHttp], probe, https);
    expect(choice.chosen).toBeNull();
    expect(probed).toEqual([]);
  });

  it('allows http loopback from an https page (browsers treat it as secure)', async () => {
    const loopback = conn('http://127.0.0.1:32400', 'local');
    const { probe } = plannedProbe({ [loopback.uri]: ok(1) });
    expect((await chooseConnection([loopback], probe, https)).chosen).toBe(loopback);
  });

  it('within a tier, takes https over http even if http answers first', async () => {
    const { probe } = plannedProbe({ [localHttp.uri]: ok(1), [local.uri]: ok(20) });
    const choice = await chooseConnection([localHttp, local], probe, http);
    expect(choice.chosen).toBe(local);
  });

  it('breaks a tie within a tier by who answered first', async () => {
    const other = conn('https://10-0-0-2.abc.plex.direct:32400', 'local');
    const { probe } = plannedProbe({ [local.uri]: ok(30), [other.uri]: ok(5) });
    const choice = await chooseConnection([local, other], probe, https);
    expect(choice.chosen).toBe(other);
  });

  it('takes the remembered connection the moment it answers', async () => {
    const { probe } = plannedProbe({ [local.uri]: ok(60), [remote.uri]: ok(5) });
    const [choice, ms] = await timed(
      chooseConnection([local, remote], probe, { ...https, preferredUri: remote.uri }),
    );
    expect(choice.chosen).toBe(remote);
    expect(ms).toBeLessThan(50);
  });

  it('still takes a better tier that answers before the remembered one', async () => {
    const { probe } = plannedProbe({ [local.uri]: ok(5), [remote.uri]: ok(40) });
    const choice = await chooseConnection([local, remote], probe, {
      ...https,
      preferredUri: remote.uri,
    });
    expect(choice.chosen).toBe(local);
  });

  it('treats a probe that throws as unreachable', async () => {
    const probe = (c: Connection) =>
      c === local
        ? Promise.reject(new Error('boom'))
        : Promise.resolve<ProbeOutcome>({ ok: true, latencyMs: 1 });
    const choice = await chooseConnection([local, remote], probe, https);
    expect(choice.chosen).toBe(remote);
    expect(choice.candidates[0]?.state).toEqual({ ok: false, reason: 'unreachable' });
  });
});

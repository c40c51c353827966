import { describe, expect, it } from 'vitest';
import { CHECK_AGAIN_AFTER_MS, createRefusalCheck, type AccountCheck } from './refusal-check';

function setup(account: AccountCheck | 'throws') {
  let clock = 1_000_000;
  let answeredAt = -Infinity;
  const calls: string[] = [];
  const refusals = createRefusalCheck({
    online: () => true,
    answeredAt: () => answeredAt,
    checkAccount: async () => {
      calls.push('check account');
      if (account === 'throws') throw new Error('plex.tv down');
      return account;
    },
    refreshServers: async () => void calls.push('reload servers'),
    reprobe: async () => void calls.push('re-probe'),
    retryFailed: () => void calls.push('retry'),
    signInAgain: () => void calls.push('sign in again'),
    now: () => clock,
  });
  const check = {
    ...refusals,
    answered: () => void (answeredAt = clock),
  };
  return { check, calls, advance: (ms: number) => (clock += ms) };
}

describe('a server that stops answering', () => {
  it('is re-probed when it had not answered lately (a dead connection on start)', async () => {
    const { check, calls } = setup('valid');
    await check.serverUnreachable();
    expect(calls).toEqual(['re-probe']);
  });

  it('after answering a moment ago: a revoked account asks to sign in again, and nothing is re-probed', async () => {
    const { check, calls } = setup('revoked');
    check.answered();
    await Promise.all([check.serverUnreachable(), check.serverUnreachable()]);
    expect(calls).toEqual(['check account', 'sign in again']);
  });

  it('after answering a moment ago: a valid account reloads the server list (fresh tokens), then re-probes', async () => {
    const { check, calls } = setup('valid');
    check.answered();
    await check.serverUnreachable();
    expect(calls).toEqual(['check account', 'reload servers', 're-probe', 'retry']);
  });

  it('re-probes when plex.tv cannot be reached either', async () => {
    const { check, calls } = setup('throws');
    check.answered();
    await check.serverUnreachable();
    expect(calls).toEqual(['check account', 're-probe', 'retry']);
  });

  it('never loops: failures right after a check wait for the retries, one check a while later', async () => {
    const { check, calls, advance } = setup('valid');
    check.answered();
    await check.serverUnreachable();
    for (let i = 0; i < 5; i += 1) {
      advance(1_000);
      await check.serverUnreachable();
    }
    expect(calls).toEqual(['check account', 'reload servers', 're-probe', 'retry']);
    advance(CHECK_AGAIN_AFTER_MS);
    check.answered();
    await check.serverUnreachable();
    expect(calls.filter((c) => c === 'check account')).toHaveLength(2);
  });

  it('checks at once on a 401 it can read, answered lately or not', async () => {
    const { check, calls } = setup('valid');
    await check.serverUnreachable({ refused: true });
    expect(calls).toEqual(['check account', 'reload servers', 're-probe', 'retry']);
  });
});

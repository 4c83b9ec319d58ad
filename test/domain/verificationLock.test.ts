import { describe, expect, it } from 'vitest';
import { afterFailedVerification, afterSuccessfulVerification, isVerificationLocked } from '../../src/domain/verificationLock.ts';

const now = new Date('2026-11-23T12:00:00Z');
const open = { failedVerifications: 0, verificationLockedUntil: null };

describe('verification lock', () => {
  it('counts failures and locks for 30 minutes on the third', () => {
    const first = afterFailedVerification(open, now);
    expect(first).toMatchObject({ failedVerifications: 1, lockedNow: false, verificationLockedUntil: null });
    const second = afterFailedVerification(first, now);
    expect(second).toMatchObject({ failedVerifications: 2, lockedNow: false });
    const third = afterFailedVerification(second, now);
    expect(third.lockedNow).toBe(true);
    expect(third.verificationLockedUntil).toEqual(new Date('2026-11-23T12:30:00Z'));
    expect(isVerificationLocked(third, new Date('2026-11-23T12:29:59Z'))).toBe(true);
    expect(isVerificationLocked(third, new Date('2026-11-23T12:30:00Z'))).toBe(false);
  });

  it('starts a fresh count once a lock has expired', () => {
    const expired = { failedVerifications: 0, verificationLockedUntil: new Date('2026-11-23T11:00:00Z') };
    expect(afterFailedVerification(expired, now)).toMatchObject({ failedVerifications: 1, verificationLockedUntil: null, lockedNow: false });
  });

  it('a success clears the count and the lock', () => {
    expect(afterSuccessfulVerification()).toEqual(open);
  });
});

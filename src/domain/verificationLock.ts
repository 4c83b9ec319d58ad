/** Verification throttling: counted per account, across conversations and channels. */
export const MAX_FAILED_VERIFICATIONS = 3;
export const VERIFICATION_LOCK_MINUTES = 30;

export interface LockState {
  failedVerifications: number;
  verificationLockedUntil: Date | null;
}

export function isVerificationLocked(state: LockState, now: Date): boolean {
  return state.verificationLockedUntil !== null && state.verificationLockedUntil.getTime() > now.getTime();
}

/** The state after one more failed attempt; the third failure locks the account for 30 minutes. */
export function afterFailedVerification(state: LockState, now: Date): LockState & { lockedNow: boolean } {
  // An expired lock starts a fresh count.
  const failures = (state.verificationLockedUntil && !isVerificationLocked(state, now) ? 0 : state.failedVerifications) + 1;
  if (failures >= MAX_FAILED_VERIFICATIONS) {
    return {
      failedVerifications: 0,
      verificationLockedUntil: new Date(now.getTime() + VERIFICATION_LOCK_MINUTES * 60_000),
      lockedNow: true,
    };
  }
  return { failedVerifications: failures, verificationLockedUntil: null, lockedNow: false };
}

export function afterSuccessfulVerification(): LockState {
  return { failedVerifications: 0, verificationLockedUntil: null };
}

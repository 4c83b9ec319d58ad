/** The itemization of a debt since its itemization date (Reg F 1006.34(c)(2)(vi)-(viii)). */
export interface Itemization {
  itemizationDate: Date;
  /** Amount owed on the itemization date. */
  itemizationAmount: number;
  interest: number;
  fees: number;
  payments: number;
  credits: number;
  /** Amount owed now (minor units). */
  current: number;
  currency: string;
}

interface ItemizedAccount {
  itemizationDate: Date;
  itemizationAmount: number;
  interestSinceItemization: number;
  feesSinceItemization: number;
  paymentsSinceItemization: number;
  creditsSinceItemization: number;
  balance: number;
  currency: string;
}

export function itemize(account: ItemizedAccount): Itemization {
  return {
    itemizationDate: account.itemizationDate,
    itemizationAmount: account.itemizationAmount,
    interest: account.interestSinceItemization,
    fees: account.feesSinceItemization,
    payments: account.paymentsSinceItemization,
    credits: account.creditsSinceItemization,
    current: account.balance,
    currency: account.currency,
  };
}

/** What we have collected since placement: the difference between the itemized total and the balance. */
export function collectedSincePlacement(item: Itemization): number {
  return item.itemizationAmount + item.interest + item.fees - item.payments - item.credits - item.current;
}

/** "A-1001" -> "••01"; shows the last `visible` characters only. */
export function maskAccountNumber(accountNumber: string, visible = 4): string {
  const tail = accountNumber.slice(-visible);
  return `${'•'.repeat(Math.max(2, Math.min(6, accountNumber.length - visible)))}${tail}`;
}

// A credentials check's result as one sentence in the reader's language.
import type { TFunction } from 'i18next';
import type { AccountVerification } from '../../../src-shared/api/schemas';
import { translateKey } from '../../components/error-text';

export function verificationText(t: TFunction, account: string, v: AccountVerification, formatNumber: (n: number) => string = String): string {
  if (v.status === 'ok') {
    if (v.balance === null) return t('accounts.ui.testOk', { account });
    const unit = v.unit ? t(`settings.accounts.units.${v.unit}`, { defaultValue: v.unit }) : '';
    return t('accounts.ui.testOkBalance', { account, balance: formatNumber(v.balance), unit });
  }
  if (v.status === 'unsupported') return t('accounts.ui.testUnsupported', { account });
  if (v.status === 'skipped') return t('accounts.cli.notVerified', { account });
  return t('accounts.ui.testFailed', { account, reason: v.problem ? translateKey(t, v.problem.key, v.problem.params) : '' });
}

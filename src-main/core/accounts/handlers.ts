// Contract handlers for managing accounts (accounts.add/update/remove/test), kept beside the code they
// call so api/handlers.ts only spreads them in.
import type { ApiHandlers } from '../../../src-shared/api/contract';
import { ApiError } from '../../../src-shared/api/errors';
import type { AccountsManager } from './manage';
import type { AccountsService } from './service';

type Methods = 'accounts.add' | 'accounts.update' | 'accounts.remove' | 'accounts.test';

export function accountManagementHandlers(manage: AccountsManager, accounts: AccountsService): Pick<ApiHandlers, Methods> {
  return {
    'accounts.add': async (input) => {
      const { accountId, verification } = await manage.add(input);
      return { account: accounts.byId(accountId), verification };
    },
    'accounts.update': async (input) => {
      const { accountId, verification } = await manage.update(input);
      return { account: accounts.byId(accountId), verification };
    },
    'accounts.remove': (input) => ({ ...manage.remove(input), accounts: accounts.list() }),
    'accounts.test': async ({ name }) => {
      const account = name ? accounts.byName(name) : accounts.defaultAccount();
      if (!account) throw new ApiError('validation', 'errors.account.none');
      return { account: account.name, verification: await manage.test(account.name) };
    },
  };
}

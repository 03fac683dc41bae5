// Who is at the counter: the OS user of this process, recorded on each message until operator
// accounts exist. userInfo() throws where the user has no passwd entry (some containers).
import os from 'node:os';

export function currentOperator(): string | null {
  try {
    return os.userInfo().username || null;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? null;
  }
}

// After sending: how many messages are on their way, and which numbers were left out and why.
import { Alert, Button, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MethodOutput } from '../../../src-shared/api/contract';
import { useNumberFormat } from '../../components/format';
import { useIssueText } from './issue-text';

// A send to a whole category can leave thousands out; the first few say why, the count says the rest.
const MAX_LISTED = 20;

export interface SendOutcome {
  result: Pick<MethodOutput<'compose.send'>, 'messages' | 'rejected'>;
  /** Shop-formatted time for a scheduled send; null for "now". */
  when: string | null;
}

export function SendResult({ outcome, timeZone, onClose }: { outcome: SendOutcome; timeZone: string; onClose(): void }) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const issueText = useIssueText(timeZone);
  const { messages, rejected } = outcome.result;
  const title = outcome.when
    ? t('compose.result.scheduled', { n: fmt(messages.length), when: outcome.when })
    : t('compose.result.queued', { n: fmt(messages.length) });
  return (
    <Alert
      className="send-result"
      type={rejected.length > 0 ? 'warning' : 'success'}
      showIcon
      closable={{ onClose, 'aria-label': t('compose.result.dismiss') }}
      data-testid="send-result"
      title={title}
      description={
        <div>
          {rejected.length > 0 && (
            <div className="send-result-rejected">
              <div>{t('compose.result.rejected', { n: fmt(rejected.length) })}</div>
              <ul>
                {rejected.slice(0, MAX_LISTED).map((r, i) => (
                  <li key={`${r.to}-${i}`}>
                    <Tag>{r.to}</Tag>
                    {issueText(r.code, r.params ?? {}, 'detail')}
                  </li>
                ))}
              </ul>
              {rejected.length > MAX_LISTED && <div>{t('composeUi.check.andMore', { n: fmt(rejected.length - MAX_LISTED) })}</div>}
            </div>
          )}
          <Button type="link" href="#/log" className="send-result-link">
            {t('compose.result.toLog')}
          </Button>
        </div>
      }
    />
  );
}

// The check's warnings, each one sent anyway only once the operator ticks "I understand": the same on
// the composer's check screen and on the log's resend confirmation.
import { useState, type ReactNode } from 'react';
import { Alert, Checkbox, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckCode, CheckIssue } from '../../../src-shared/api/compose-schemas';
import { IssueList } from './IssueList';

/** Which warnings the operator has acknowledged, and the toggle for one of them. */
export function useAcknowledged(): { acknowledged: Set<CheckCode>; ack(code: CheckCode, on: boolean): void } {
  const [acknowledged, setAcknowledged] = useState<Set<CheckCode>>(new Set());
  const ack = (code: CheckCode, on: boolean) =>
    setAcknowledged((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  return { acknowledged, ack };
}

interface Props {
  issues: CheckIssue[];
  timeZone: string;
  acknowledged: Set<CheckCode>;
  ack(code: CheckCode, on: boolean): void;
  /** Shown before a warning's checkbox (the check screen's "send at … instead"). */
  extra?(issue: CheckIssue): ReactNode;
}

export function WarningsAlert({ issues, timeZone, acknowledged, ack, extra }: Props) {
  const { t } = useTranslation();
  if (issues.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      className="check-group"
      data-testid="check-warnings"
      title={t('composeUi.check.warningsTitle')}
      description={
        <IssueList
          issues={issues}
          timeZone={timeZone}
          action={(issue) => (
            <Space size={8} className="check-issue-action">
              {extra?.(issue)}
              <Checkbox checked={acknowledged.has(issue.code)} onChange={(e) => ack(issue.code, e.target.checked)} data-testid={`check-ack-${issue.code}`}>
                {t('composeUi.check.understood')}
              </Checkbox>
            </Space>
          )}
        />
      }
    />
  );
}

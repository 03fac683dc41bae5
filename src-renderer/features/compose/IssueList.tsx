// One group of the check's findings: what is wrong, for how many, and a few of the recipients concerned.
import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CheckIssue } from '../../../src-shared/api/compose-schemas';
import { useNumberFormat } from '../../components/format';
import { useIssueText } from './issue-text';

interface Props {
  issues: CheckIssue[];
  timeZone: string;
  /** Something to show at the end of an issue's row (a checkbox, a button). */
  action?(issue: CheckIssue): ReactNode;
}

export function IssueList({ issues, timeZone, action }: Props) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const issueText = useIssueText(timeZone);
  return (
    <ul className="check-issues">
      {issues.map((issue) => (
        <li key={issue.code} className="check-issue" data-testid={`check-issue-${issue.code}`}>
          <div className="check-issue-head">
            <span className="check-issue-title">{issueText(issue.code, { count: issue.count, ...issue.params })}</span>
            {action?.(issue)}
          </div>
          {issue.examples.length > 0 && (
            <div className="check-examples">
              {issue.examples.slice(0, 5).map((ex, i) => (
                <Typography.Text key={`${ex.to}-${i}`} type="secondary" className="check-example">
                  {ex.name ? `${ex.name} ` : ''}
                  {ex.to}
                  {ex.params && Object.keys(ex.params).length > 0 && <span className="check-example-detail">（{issueText(issue.code, ex.params, 'detail')}）</span>}
                </Typography.Text>
              ))}
              {issue.count > issue.examples.slice(0, 5).length && (
                <Typography.Text type="secondary" className="check-example">
                  {t('composeUi.check.andMore', { n: fmt(issue.count - Math.min(5, issue.examples.length)) })}
                </Typography.Text>
              )}
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

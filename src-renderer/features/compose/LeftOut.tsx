// Everyone the send reaches, and who is left out and why, from the live check (opted out, invalid
// number, no mobile, a placeholder without a value …), before the operator asks to send.
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ComposeCheckReport } from '../../../src-shared/api/compose-schemas';
import { useNumberFormat } from '../../components/format';
import { useIssueText } from './issue-text';

export function LeftOut({ report, timeZone }: { report: ComposeCheckReport | undefined; timeZone: string }) {
  const { t } = useTranslation();
  const fmt = useNumberFormat();
  const issueText = useIssueText(timeZone);
  if (!report || report.recipients === 0) return null;
  const perRecipient = report.issues.filter((i) => i.severity === 'error' && i.count > 0);
  return (
    <div className="left-out" data-testid="recipient-total">
      <Typography.Text strong>{t('composeUi.recipients.total', { n: fmt(report.recipients), m: fmt(report.sendable) })}</Typography.Text>
      {perRecipient.map((issue) => (
        <div key={issue.code} className="left-out-line" data-testid="left-out">
          <Typography.Text type="danger">{issueText(issue.code, { count: issue.count, ...issue.params })}</Typography.Text>
          <Typography.Text type="secondary" className="left-out-who">
            {issue.examples
              .slice(0, 4)
              .map((e) => (e.name ? `${e.name} ${e.to}` : e.to))
              .join('、')}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}

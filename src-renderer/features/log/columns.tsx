// The log's columns. Widths are fixed because the table is virtualized (rows are measured, columns not).
import { Button, Tag, Tooltip, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import type { MessageStatus, MessageView } from '../../../src-shared/api/schemas';
import { formatPhoneForShop } from '../../../src-shared/format/phone';
import type { DateStyle } from '../../../src-shared/format/datetime';
import { StatusTag } from '../../components/StatusTag';
import { translateKey } from '../../components/error-text';
import { CancelConfirm } from './CancelConfirm';

/** Rows the operator may still stop (DESIGN.md §5: before the provider has them). */
export const cancellable: readonly MessageStatus[] = ['draft', 'scheduled', 'queued'];

interface ColumnDeps {
  t: TFunction;
  formatTime(iso: string, style?: DateStyle): string;
  region: string;
  /** Width available to the table: the message column takes what the fixed columns leave. */
  width: number;
  onCancel(row: MessageView): Promise<void>;
}

const FIXED_WIDTHS = { time: 168, to: 140, status: 270, segments: 100, account: 110, actions: 76 };
const MIN_TEXT_WIDTH = 240;
// Room for the vertical scrollbar of the virtual body.
const SCROLLBAR = 12;

export function explainError(t: TFunction, row: MessageView): string | null {
  return row.error ? translateKey(t, row.error.key, row.error.params) : null;
}

export function logColumns({ t, formatTime, region, width, onCancel }: ColumnDeps): TableColumnsType<MessageView> {
  const fixed = Object.values(FIXED_WIDTHS).reduce((a, b) => a + b, 0);
  const textWidth = Math.max(MIN_TEXT_WIDTH, width - fixed - SCROLLBAR);
  return [
    {
      key: 'time',
      title: t('log.columns.time'),
      width: FIXED_WIDTHS.time,
      render: (_, row) =>
        row.status === 'scheduled' && row.scheduledAt ? (
          <Tooltip title={t('log.scheduledFor')}>
            <span className="log-time scheduled">
              <ClockCircleOutlined /> {formatTime(row.scheduledAt)}
            </span>
          </Tooltip>
        ) : (
          <span className="log-time">{formatTime(row.createdAt)}</span>
        ),
    },
    {
      key: 'to',
      title: t('log.columns.to'),
      width: FIXED_WIDTHS.to,
      render: (_, row) => (
        <Tooltip title={row.to}>
          <span className="log-number">{formatPhoneForShop(row.to, region)}</span>
        </Tooltip>
      ),
    },
    {
      key: 'text',
      title: t('log.columns.text'),
      width: textWidth,
      render: (_, row) => (
        <div className="log-text">
          <Typography.Text ellipsis={{ tooltip: row.text }}>{row.text}</Typography.Text>
          {row.memo && (
            <Typography.Text type="secondary" className="log-memo" ellipsis>
              {t('log.memo', { memo: row.memo })}
            </Typography.Text>
          )}
        </div>
      ),
    },
    {
      key: 'status',
      title: t('log.columns.status'),
      width: FIXED_WIDTHS.status,
      render: (_, row) => {
        const explanation = explainError(t, row);
        return (
          <div className="log-status" data-testid="log-status">
            <span>
              <StatusTag status={row.status} />
              {row.testMode && (
                <Tag color="gold" className="test-badge">
                  {t('log.testBadge')}
                </Tag>
              )}
            </span>
            {explanation && (
              <Typography.Text type="danger" className="log-error" data-testid="log-error">
                {explanation}
              </Typography.Text>
            )}
          </div>
        );
      },
    },
    {
      key: 'segments',
      title: t('log.columns.segments'),
      width: FIXED_WIDTHS.segments,
      render: (_, row) => (
        <span className="log-segments">
          {t('log.segments', { n: row.segments })}
          <Typography.Text type="secondary" className="log-encoding">
            {row.encoding}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: 'account',
      title: t('log.columns.account'),
      width: FIXED_WIDTHS.account,
      render: (_, row) => <Typography.Text ellipsis>{row.account}</Typography.Text>,
    },
    {
      key: 'actions',
      title: t('log.columns.actions'),
      width: FIXED_WIDTHS.actions,
      fixed: 'right',
      render: (_, row) =>
        cancellable.includes(row.status) ? (
          <span onClick={(e) => e.stopPropagation()}>
            <CancelConfirm onConfirm={() => onCancel(row)}>
              <Button size="small" danger type="text">
                {t('log.cancel.action')}
              </Button>
            </CancelConfirm>
          </span>
        ) : null,
    },
  ];
}

// The send log: every message, newest first, live. The table is virtualized so a log of a million
// rows scrolls like one of ten; more rows load by keyset as the operator reaches the end.
import { useMemo, useState, type UIEvent } from 'react';
import { App, Button, Card, Empty, Table, Typography } from 'antd';
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { MessageView } from '../../../src-shared/api/schemas';
import type { AppInfo } from '../../app/Shell';
import { useApi } from '../../app/providers/api';
import { queryKeys } from '../../app/queries';
import { errorText } from '../../components/error-text';
import { useDateTimeFormat, useNumberFormat } from '../../components/format';
import { useElementSize } from '../../components/useElementSize';
import { logColumns } from './columns';
import { MessageDrawer } from './MessageDrawer';
import { useMessageCounts, useMessages } from './useMessages';
import { ExportButton } from './ExportButton';
import { LogFilters } from './LogFilters';
import { emptyLogFilter, isFiltered, toApiFilter, type LogFilterState } from './log-filter';

// Height of the table's header row, taken off the measured area to get the scrolling body's height.
const TABLE_HEADER = 48;

export function LogPage({ info }: { info: AppInfo }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const api = useApi();
  const queryClient = useQueryClient();
  const formatTime = useDateTimeFormat(info.timeZone);
  const fmt = useNumberFormat();
  const [filterState, setFilterState] = useState<LogFilterState>(emptyLogFilter);
  const [selected, setSelected] = useState<MessageView | null>(null);
  const [areaRef, area] = useElementSize<HTMLDivElement>();

  // "Today" and "this month" are read when the filter changes (and on a live refresh of the page).
  const filter = useMemo(() => toApiFilter(filterState, Date.now(), info.timeZone), [filterState, info.timeZone]);
  const query = useMessages(filter);
  const counts = useMessageCounts(filter);
  const rows = useMemo(() => query.data?.pages.flatMap((p) => p.messages) ?? [], [query.data]);

  // Keep the open detail in step with live updates of its row.
  const selectedLive = selected ? (rows.find((r) => r.id === selected.id) ?? selected) : null;

  const columns = useMemo(
    () =>
      logColumns({
        t,
        formatTime,
        region: info.region,
        width: area.width,
        onCancel: async (row) => {
          try {
            await api.call('messages.cancel', { id: row.id });
            void message.success(t('log.cancel.done'));
            void queryClient.invalidateQueries({ queryKey: queryKeys.messages });
          } catch (err) {
            void message.error(errorText(t, err));
          }
        },
      }),
    [t, formatTime, info.region, area.width, api, message, queryClient],
  );
  const scrollX = columns.reduce((sum, c) => sum + (typeof c.width === 'number' ? c.width : 0), 0);

  function onScroll(e: UIEvent<HTMLDivElement>) {
    const el = e.currentTarget;
    if (el.scrollHeight - el.scrollTop - el.clientHeight < 400 && query.hasNextPage && !query.isFetchingNextPage) void query.fetchNextPage();
  }

  const filtered = isFiltered(filterState);
  return (
    <div className="log-page">
      <Card className="log-card" styles={{ body: { display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, padding: 0 } }}>
        <div className="log-toolbar">
          <LogFilters value={filterState} onChange={setFilterState} counts={counts.data?.counts} format={fmt} />
          <div className="log-toolbar-spacer" />
          <Typography.Text type="secondary" data-testid="log-count">
            {counts.data ? t('logRoom.total', { n: fmt(counts.data.total) }) : query.hasNextPage ? t('log.countMore', { n: fmt(rows.length) }) : t('log.count', { n: fmt(rows.length) })}
          </Typography.Text>
          <ExportButton filter={filter} format={fmt} />
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
            {t('log.refresh')}
          </Button>
        </div>
        <div className="log-table-area" ref={areaRef}>
          {query.isError ? (
            <Empty className="log-empty" description={errorText(t, query.error)} />
          ) : (
            <Table<MessageView>
              virtual
              size="middle"
              rowKey="id"
              columns={columns}
              dataSource={rows}
              loading={query.isPending}
              pagination={false}
              scroll={{ x: scrollX, y: Math.max(200, area.height - TABLE_HEADER) }}
              onScroll={onScroll}
              onRow={(row) => ({ onClick: () => setSelected(row), className: 'log-row' })}
              locale={{
                emptyText: query.isPending ? ' ' : (
                  <Empty
                    className="log-empty"
                    image={Empty.PRESENTED_IMAGE_SIMPLE}
                    description={filtered ? t('log.emptyFiltered') : t('log.empty')}
                  >
                    {!filtered && (
                      <Button type="primary" icon={<EditOutlined />} href="#/compose">
                        {t('log.toCompose')}
                      </Button>
                    )}
                  </Empty>
                ),
              }}
              data-testid="log-table"
            />
          )}
        </div>
      </Card>
      <MessageDrawer message={selectedLive} timeZone={info.timeZone} region={info.region} onClose={() => setSelected(null)} />
    </div>
  );
}

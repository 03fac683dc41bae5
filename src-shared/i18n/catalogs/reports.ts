import type { Catalog } from '../catalog';

// The Reports room and the log export (issue 9).
export default {
  'zh-TW': {
    failure: { expired: '業者回報逾時未送達', blocked: '發送前擋下（拒收、次數上限或號碼無效）' },
    page: {
      range: '期間', groupByLabel: '統計單位', groupBy: { day: '每日', week: '每週', month: '每月' },
      messages: '簡訊數', segments: '使用則數', deliveryRate: '送達率', failed: '失敗',
      perPeriod: '各期間簡訊數（依狀態）', empty: '這段期間沒有簡訊。',
      costs: '各帳號預估費用', account: '帳號', segmentsDomestic: '國內則數', segmentsInternational: '國際則數', cost: '預估費用', noPrice: '未設定單價',
      costNote: '以帳號設定的每則單價估算，只計入業者已接收的簡訊，不含測試帳號。',
      failures: '最常見的失敗原因', reason: '原因', code: '代碼', count: '次數', noFailures: '這段期間沒有失敗的簡訊。',
      balance: '餘額變化', noBalance: '這段期間沒有餘額紀錄。',
    },
    cli: { exported: '已匯出 {{count}} 則簡訊到 {{file}}。', exportCut: '只匯出了最新的 {{count}} 則（符合條件的共 {{total}} 則）；用 --since/--until 分次匯出其餘的。', badFormat: '--format 只能是 csv 或 xlsx（收到「{{value}}」）。', cannotWrite: '無法寫入 {{file}}：{{reason}}' },
    export: {
      fileName: '發送記錄',
      column: { id: '編號', createdAt: '建立時間', to: '收件人', toE164: '國際格式號碼', contact: '客戶', status: '狀態', text: '內容', segments: '則數', encoding: '編碼', account: '帳號', origin: '來源', operator: '操作人員', memo: '備註', providerMessageId: '業者訊息編號', sentAt: '送出時間', deliveredAt: '送達時間', error: '錯誤說明', errorCode: '錯誤代碼', resendOf: '重送自' },
    },
    errors: { badRange: '結束時間必須晚於開始時間。' },
  },
  en: {
    failure: { expired: 'The provider reported it expired undelivered', blocked: 'Held back before sending (opted out, frequency cap or invalid number)' },
    page: {
      range: 'Period', groupByLabel: 'Group by', groupBy: { day: 'Daily', week: 'Weekly', month: 'Monthly' },
      messages: 'Messages', segments: 'Segments used', deliveryRate: 'Delivery rate', failed: 'Failed',
      perPeriod: 'Messages per period, by status', empty: 'No messages in this period.',
      costs: 'Estimated cost per account', account: 'Account', segmentsDomestic: 'Domestic segments', segmentsInternational: 'International segments', cost: 'Estimated cost', noPrice: 'No price set',
      costNote: "Estimated from each account's price per segment; only messages the provider accepted, test accounts left out.",
      failures: 'Most common failure reasons', reason: 'Reason', code: 'Code', count: 'Count', noFailures: 'No failed messages in this period.',
      balance: 'Balance over time', noBalance: 'No balance readings in this period.',
    },
    cli: { exported: 'Exported {{count}} messages to {{file}}.', exportCut: 'Exported only the newest {{count}} of the {{total}} matching messages; export the rest in parts with --since/--until.', badFormat: '--format must be csv or xlsx (got "{{value}}").', cannotWrite: 'Cannot write {{file}}: {{reason}}' },
    export: {
      fileName: 'send-log',
      column: { id: 'ID', createdAt: 'Created', to: 'To', toE164: 'Number (international)', contact: 'Contact', status: 'Status', text: 'Text', segments: 'Segments', encoding: 'Encoding', account: 'Account', origin: 'Origin', operator: 'Operator', memo: 'Memo', providerMessageId: 'Provider message ID', sentAt: 'Sent', deliveredAt: 'Delivered', error: 'Error', errorCode: 'Error code', resendOf: 'Resend of' },
    },
    errors: { badRange: 'The end must be after the start.' },
  },
  'zh-CN': {
    failure: { expired: '运营商回报超时未送达', blocked: '发送前拦下（退订、次数上限或号码无效）' },
    page: {
      range: '期间', groupByLabel: '统计单位', groupBy: { day: '每日', week: '每周', month: '每月' },
      messages: '短信数', segments: '使用条数', deliveryRate: '送达率', failed: '失败',
      perPeriod: '各期间短信数（按状态）', empty: '这段期间没有短信。',
      costs: '各账号预估费用', account: '账号', segmentsDomestic: '国内条数', segmentsInternational: '国际条数', cost: '预估费用', noPrice: '未设置单价',
      costNote: '按账号设置的每条单价估算，只计入服务商已接收的短信，不含测试账号。',
      failures: '最常见的失败原因', reason: '原因', code: '代码', count: '次数', noFailures: '这段期间没有失败的短信。',
      balance: '余额变化', noBalance: '这段期间没有余额记录。',
    },
    cli: { exported: '已导出 {{count}} 条短信到 {{file}}。', exportCut: '只导出了最新的 {{count}} 条（符合条件的共 {{total}} 条）；用 --since/--until 分批导出其余的。', badFormat: '--format 只能是 csv 或 xlsx（收到“{{value}}”）。', cannotWrite: '无法写入 {{file}}：{{reason}}' },
    export: {
      fileName: '发送日志',
      column: { id: '编号', createdAt: '创建时间', to: '收件人', toE164: '国际格式号码', contact: '客户', status: '状态', text: '内容', segments: '条数', encoding: '编码', account: '账号', origin: '来源', operator: '操作员', memo: '备注', providerMessageId: '服务商消息编号', sentAt: '发出时间', deliveredAt: '送达时间', error: '错误说明', errorCode: '错误代码', resendOf: '重发自' },
    },
    errors: { badRange: '结束时间必须晚于开始时间。' },
  },
  ja: {
    failure: { expired: '事業者が期限切れ（未到達）と報告', blocked: '送信前に止めました（配信停止・回数上限・無効な番号）' },
    page: {
      range: '期間', groupByLabel: '集計単位', groupBy: { day: '日ごと', week: '週ごと', month: '月ごと' },
      messages: 'メッセージ数', segments: '使用通数', deliveryRate: '到達率', failed: '失敗',
      perPeriod: '期間ごとのメッセージ数（状態別）', empty: 'この期間のメッセージはありません。',
      costs: 'アカウントごとの概算費用', account: 'アカウント', segmentsDomestic: '国内通数', segmentsInternational: '国際通数', cost: '概算費用', noPrice: '単価未設定',
      costNote: 'アカウントに設定した 1 通あたりの単価で概算。事業者が受け付けたメッセージのみ、テストアカウントは除きます。',
      failures: 'よくある失敗の理由', reason: '理由', code: 'コード', count: '件数', noFailures: 'この期間に失敗したメッセージはありません。',
      balance: '残高の推移', noBalance: 'この期間の残高の記録はありません。',
    },
    cli: { exported: '{{count}} 件のメッセージを {{file}} に書き出しました。', exportCut: '条件に合う {{total}} 件のうち、新しい {{count}} 件だけを書き出しました。残りは --since/--until で分けて書き出してください。', badFormat: '--format は csv か xlsx です（「{{value}}」が指定されました）。', cannotWrite: '{{file}} に書き込めません：{{reason}}' },
    export: {
      fileName: '送信履歴',
      column: { id: '番号', createdAt: '作成日時', to: '宛先', toE164: '国際形式の番号', contact: '顧客', status: '状態', text: '本文', segments: '通数', encoding: '文字コード', account: 'アカウント', origin: '送信元', operator: '担当者', memo: 'メモ', providerMessageId: '事業者メッセージID', sentAt: '送信日時', deliveredAt: '到達日時', error: 'エラーの説明', errorCode: 'エラーコード', resendOf: '再送元' },
    },
    errors: { badRange: '終了は開始より後にしてください。' },
  },
} satisfies Catalog;

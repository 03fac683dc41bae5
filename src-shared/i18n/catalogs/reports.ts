import type { Catalog } from '../catalog';

// The Reports room and the log export (issue 9).
export default {
  'zh-TW': {
    cli: { exported: '已匯出 {{count}} 則簡訊到 {{file}}。', badFormat: '--format 只能是 csv 或 xlsx（收到「{{value}}」）。', cannotWrite: '無法寫入 {{file}}：{{reason}}' },
    export: {
      fileName: '發送記錄',
      column: { id: '編號', createdAt: '建立時間', to: '收件人', toE164: '國際格式號碼', contact: '客戶', status: '狀態', text: '內容', segments: '則數', encoding: '編碼', account: '帳號', origin: '來源', operator: '操作人員', memo: '備註', providerMessageId: '業者訊息編號', sentAt: '送出時間', deliveredAt: '送達時間', error: '錯誤說明', errorCode: '錯誤代碼', resendOf: '重送自' },
    },
    errors: { badRange: '結束時間必須晚於開始時間。' },
  },
  en: {
    cli: { exported: 'Exported {{count}} messages to {{file}}.', badFormat: '--format must be csv or xlsx (got "{{value}}").', cannotWrite: 'Cannot write {{file}}: {{reason}}' },
    export: {
      fileName: 'send-log',
      column: { id: 'ID', createdAt: 'Created', to: 'To', toE164: 'Number (international)', contact: 'Contact', status: 'Status', text: 'Text', segments: 'Segments', encoding: 'Encoding', account: 'Account', origin: 'Origin', operator: 'Operator', memo: 'Memo', providerMessageId: 'Provider message ID', sentAt: 'Sent', deliveredAt: 'Delivered', error: 'Error', errorCode: 'Error code', resendOf: 'Resend of' },
    },
    errors: { badRange: 'The end must be after the start.' },
  },
  'zh-CN': {
    cli: { exported: '已导出 {{count}} 条短信到 {{file}}。', badFormat: '--format 只能是 csv 或 xlsx（收到“{{value}}”）。', cannotWrite: '无法写入 {{file}}：{{reason}}' },
    export: {
      fileName: '发送日志',
      column: { id: '编号', createdAt: '创建时间', to: '收件人', toE164: '国际格式号码', contact: '客户', status: '状态', text: '内容', segments: '条数', encoding: '编码', account: '账号', origin: '来源', operator: '操作员', memo: '备注', providerMessageId: '服务商消息编号', sentAt: '发出时间', deliveredAt: '送达时间', error: '错误说明', errorCode: '错误代码', resendOf: '重发自' },
    },
    errors: { badRange: '结束时间必须晚于开始时间。' },
  },
  ja: {
    cli: { exported: '{{count}} 件のメッセージを {{file}} に書き出しました。', badFormat: '--format は csv か xlsx です（「{{value}}」が指定されました）。', cannotWrite: '{{file}} に書き込めません：{{reason}}' },
    export: {
      fileName: '送信履歴',
      column: { id: '番号', createdAt: '作成日時', to: '宛先', toE164: '国際形式の番号', contact: '顧客', status: '状態', text: '本文', segments: '通数', encoding: '文字コード', account: 'アカウント', origin: '送信元', operator: '担当者', memo: 'メモ', providerMessageId: '事業者メッセージID', sentAt: '送信日時', deliveredAt: '到達日時', error: 'エラーの説明', errorCode: 'エラーコード', resendOf: '再送元' },
    },
    errors: { badRange: '終了は開始より後にしてください。' },
  },
} satisfies Catalog;

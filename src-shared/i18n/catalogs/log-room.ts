import type { Catalog } from '../catalog';

// The Log screen's filters, counts, export and the detail drawer's actions (issue 9).
export default {
  'zh-TW': {
    filter: {
      range: '期間', customRange: '自訂期間', recipient: '收件人號碼或客戶姓名', text: '搜尋內容', more: '更多篩選', clear: '清除篩選',
      account: '帳號', anyAccount: '全部帳號', memo: '備註', origin: '來源', anyOrigin: '全部來源', operator: '操作人員', template: '範本', rule: '提醒規則', anyTemplate: '全部範本', anyRule: '全部規則', noMatch: '沒有符合的項目',
    },
    range: { all: '全部時間', today: '今天', '7d': '最近 7 天', month: '本月', custom: '自訂…' },
    countsLabel: '各狀態則數',
    total: '符合 {{n}} 則',
    export: { button: '匯出', csv: 'CSV（Excel 可開啟）', xlsx: 'Excel 活頁簿（.xlsx）', done: '已匯出 {{n}} 則。', cut: '只匯出了最新的 {{n}} 則（符合條件的共 {{total}} 則）。請縮小日期範圍，分次匯出其餘的。' },
    actions: { copy: '複製內容', copied: '已複製內容。', copyFailed: '無法複製，請手動選取文字。', openContact: '開啟客戶' },
    errors: { ruleNameNotFound: '找不到名為「{{name}}」的提醒規則。' },
    resend: {
      title: '重新發送前的檢查',
      errorsTitle: '這則簡訊不能重新發送：',
      okCount: '重新發送 {{n}} 則',
      cancel: '取消',
      blocked: { checking: '檢查中…', nothing: '沒有可以重新發送的簡訊。', acknowledge: '請先確認每一項提醒。' },
    },
    detail: { sentBy: '發送來源', rule: '規則 #{{id}}', template: '範本 #{{id}}', ruleNamed: '規則「{{name}}」', templateNamed: '範本「{{name}}」', operator: '操作人員 {{name}}' },
  },
  en: {
    filter: {
      range: 'Period', customRange: 'Custom period', recipient: 'Recipient number or contact name', text: 'Search text', more: 'More filters', clear: 'Clear filters',
      account: 'Account', anyAccount: 'All accounts', memo: 'Memo', origin: 'Origin', anyOrigin: 'All origins', operator: 'Operator', template: 'Template', rule: 'Reminder rule', anyTemplate: 'All templates', anyRule: 'All rules', noMatch: 'Nothing matches',
    },
    range: { all: 'All time', today: 'Today', '7d': 'Last 7 days', month: 'This month', custom: 'Custom…' },
    countsLabel: 'Messages per status',
    total: '{{n}} matching',
    export: { button: 'Export', csv: 'CSV (opens in Excel)', xlsx: 'Excel workbook (.xlsx)', done: 'Exported {{n}} messages.', cut: 'Exported only the newest {{n}} of the {{total}} matching messages. Narrow the date range and export the rest in parts.' },
    actions: { copy: 'Copy text', copied: 'Text copied.', copyFailed: 'Could not copy; select the text by hand.', openContact: 'Open contact' },
    errors: { ruleNameNotFound: 'No reminder rule is named “{{name}}”.' },
    resend: {
      title: 'Check before resending',
      errorsTitle: 'This message cannot be resent:',
      okCount: 'Resend {{n}}',
      cancel: 'Cancel',
      blocked: { checking: 'Checking…', nothing: 'No message can be resent.', acknowledge: 'Please confirm each warning first.' },
    },
    detail: { sentBy: 'Sent from', rule: 'rule #{{id}}', template: 'template #{{id}}', ruleNamed: 'rule “{{name}}”', templateNamed: 'template “{{name}}”', operator: 'by {{name}}' },
  },
  'zh-CN': {
    filter: {
      range: '期间', customRange: '自定义期间', recipient: '收件人号码或客户姓名', text: '搜索内容', more: '更多筛选', clear: '清除筛选',
      account: '账号', anyAccount: '全部账号', memo: '备注', origin: '来源', anyOrigin: '全部来源', operator: '操作员', template: '模板', rule: '提醒规则', anyTemplate: '全部模板', anyRule: '全部规则', noMatch: '没有符合的项目',
    },
    range: { all: '全部时间', today: '今天', '7d': '最近 7 天', month: '本月', custom: '自定义…' },
    countsLabel: '各状态条数',
    total: '符合 {{n}} 条',
    export: { button: '导出', csv: 'CSV（可用 Excel 打开）', xlsx: 'Excel 工作簿（.xlsx）', done: '已导出 {{n}} 条。', cut: '只导出了最新的 {{n}} 条（符合条件的共 {{total}} 条）。请缩小日期范围，分批导出其余的。' },
    actions: { copy: '复制内容', copied: '已复制内容。', copyFailed: '无法复制，请手动选择文字。', openContact: '打开客户' },
    errors: { ruleNameNotFound: '找不到名为“{{name}}”的提醒规则。' },
    resend: {
      title: '重新发送前的检查',
      errorsTitle: '这条短信不能重新发送：',
      okCount: '重新发送 {{n}} 条',
      cancel: '取消',
      blocked: { checking: '检查中…', nothing: '没有可以重新发送的短信。', acknowledge: '请先确认每一项提醒。' },
    },
    detail: { sentBy: '发送来源', rule: '规则 #{{id}}', template: '模板 #{{id}}', ruleNamed: '规则“{{name}}”', templateNamed: '模板“{{name}}”', operator: '操作员 {{name}}' },
  },
  ja: {
    filter: {
      range: '期間', customRange: '期間を指定', recipient: '宛先の番号または顧客名', text: '本文を検索', more: 'その他の条件', clear: '条件をクリア',
      account: 'アカウント', anyAccount: 'すべてのアカウント', memo: 'メモ', origin: '送信元', anyOrigin: 'すべての送信元', operator: '担当者', template: 'テンプレート', rule: 'リマインダールール', anyTemplate: 'すべてのテンプレート', anyRule: 'すべてのルール', noMatch: '該当するものがありません',
    },
    range: { all: '全期間', today: '今日', '7d': '過去 7 日間', month: '今月', custom: '期間を指定…' },
    countsLabel: '状態ごとの件数',
    total: '該当 {{n}} 件',
    export: { button: 'エクスポート', csv: 'CSV（Excel で開けます）', xlsx: 'Excel ブック（.xlsx）', done: '{{n}} 件をエクスポートしました。', cut: '条件に合う {{total}} 件のうち、新しい {{n}} 件だけをエクスポートしました。期間を絞って残りを分けてエクスポートしてください。' },
    actions: { copy: '本文をコピー', copied: '本文をコピーしました。', copyFailed: 'コピーできませんでした。本文を選択してください。', openContact: '顧客を開く' },
    errors: { ruleNameNotFound: '「{{name}}」という名前のリマインダールールはありません。' },
    resend: {
      title: '再送信前の確認',
      errorsTitle: 'このメッセージは再送信できません：',
      okCount: '{{n}} 件を再送信',
      cancel: 'キャンセル',
      blocked: { checking: '確認中…', nothing: '再送信できるメッセージがありません。', acknowledge: '注意事項をすべて確認してください。' },
    },
    detail: { sentBy: '送信元', rule: 'ルール #{{id}}', template: 'テンプレート #{{id}}', ruleNamed: 'ルール「{{name}}」', templateNamed: 'テンプレート「{{name}}」', operator: '担当 {{name}}' },
  },
} satisfies Catalog;

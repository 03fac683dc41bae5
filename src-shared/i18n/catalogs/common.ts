import type { Catalog } from '../catalog';

// Words shared by every screen and the CLI: statuses, origins, rejection reasons.
export default {
  'zh-TW': {
    appName: 'smsdesk 簡訊桌面',
    status: {
      draft: '草稿', scheduled: '已預約', queued: '排隊中', sending: '發送中', sent: '已送出', delivered: '已送達',
      failed: '失敗', expired: '逾期未達', unknown: '狀態不明', cancelled: '已取消', blocked: '已攔截', missed: '已錯過',
    },
    origin: { composer: '撰寫', cli: '命令列', rule: '提醒規則', api: '整合介面', 'catch-up': '補發' },
    rejection: {
      invalid_number: '號碼無效',
      not_mobile: '不是手機號碼，無法接收簡訊',
      duplicate: '重複的號碼',
      opted_out: '對方已拒收',
      empty: '空白',
    },
    encoding: { 'GSM-7': 'GSM-7', 'UCS-2': 'UCS-2（中文）' },
    testMode: '測試模式',
    testModeBanner: '測試模式：目前使用測試帳號，簡訊不會真的送出。',
    provider: { sandbox: '測試帳號（不會真的送出）', twsms: 'TwSMS 台灣簡訊', every8d: 'EVERY8D 互動資通', mitake: 'Mitake 三竹資訊', twilio: 'Twilio' },
  },
  en: {
    appName: 'smsdesk',
    status: {
      draft: 'Draft', scheduled: 'Scheduled', queued: 'Queued', sending: 'Sending', sent: 'Sent', delivered: 'Delivered',
      failed: 'Failed', expired: 'Expired', unknown: 'Unknown', cancelled: 'Cancelled', blocked: 'Blocked', missed: 'Missed',
    },
    origin: { composer: 'Composer', cli: 'Command line', rule: 'Reminder rule', api: 'Integration API', 'catch-up': 'Catch-up' },
    rejection: {
      invalid_number: 'Invalid number',
      not_mobile: 'Not a mobile number; it cannot receive SMS',
      duplicate: 'Duplicate number',
      opted_out: 'Opted out',
      empty: 'Empty',
    },
    encoding: { 'GSM-7': 'GSM-7', 'UCS-2': 'UCS-2 (Unicode)' },
    testMode: 'Test mode',
    testModeBanner: 'Test mode: the default account is the sandbox, so nothing is really sent.',
    provider: { sandbox: 'Sandbox (nothing is really sent)', twsms: 'TwSMS', every8d: 'EVERY8D', mitake: 'Mitake', twilio: 'Twilio' },
  },
  'zh-CN': {
    appName: 'smsdesk 短信桌面',
    status: {
      draft: '草稿', scheduled: '已定时', queued: '排队中', sending: '发送中', sent: '已发出', delivered: '已送达',
      failed: '失败', expired: '超时未达', unknown: '状态不明', cancelled: '已取消', blocked: '已拦截', missed: '已错过',
    },
    origin: { composer: '撰写', cli: '命令行', rule: '提醒规则', api: '集成接口', 'catch-up': '补发' },
    rejection: {
      invalid_number: '号码无效',
      not_mobile: '不是手机号码，无法接收短信',
      duplicate: '重复的号码',
      opted_out: '对方已退订',
      empty: '空白',
    },
    encoding: { 'GSM-7': 'GSM-7', 'UCS-2': 'UCS-2（中文）' },
    testMode: '测试模式',
    testModeBanner: '测试模式：当前使用测试账号，短信不会真的发出。',
    provider: { sandbox: '测试账号（不会真的发出）', twsms: 'TwSMS', every8d: 'EVERY8D', mitake: 'Mitake 三竹', twilio: 'Twilio' },
  },
  ja: {
    appName: 'smsdesk',
    status: {
      draft: '下書き', scheduled: '予約済み', queued: '送信待ち', sending: '送信中', sent: '送信済み', delivered: '配信済み',
      failed: '失敗', expired: '期限切れ', unknown: '状態不明', cancelled: '取消済み', blocked: 'ブロック', missed: '未送信（期限超過）',
    },
    origin: { composer: '作成画面', cli: 'コマンドライン', rule: 'リマインダー', api: '連携 API', 'catch-up': '遅延送信' },
    rejection: {
      invalid_number: '無効な番号',
      not_mobile: '携帯番号ではないため SMS を受信できません',
      duplicate: '重複した番号',
      opted_out: '配信停止済み',
      empty: '空欄',
    },
    encoding: { 'GSM-7': 'GSM-7', 'UCS-2': 'UCS-2（全角）' },
    testMode: 'テストモード',
    testModeBanner: 'テストモード：既定のアカウントはテスト用のため、実際には送信されません。',
    provider: { sandbox: 'テスト用（実際には送信しません）', twsms: 'TwSMS', every8d: 'EVERY8D', mitake: 'Mitake', twilio: 'Twilio' },
  },
} satisfies Catalog;

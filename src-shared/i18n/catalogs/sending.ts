import type { Catalog } from '../catalog';

// The sending engine (issue 6): why a message was held back or blocked, retries, unknown results and
// what the operator can do about them, the attempts of a message, balance and paused accounts.
export default {
  'zh-TW': {
    cli: { cancelled: '已取消簡訊 #{{id}}。', resent: '已建立新簡訊 #{{id}}（重新發送 #{{original}}）。' },
    blocked: {
      invalidNumber: '號碼不是有效的手機號碼，未發送。',
      optedOut: '這個號碼已要求不再接收簡訊，未發送。',
      frequencyCap: '這個號碼 24 小時內已收到 {{max}} 則簡訊（發送上限），未發送。',
    },
    retry: {
      exhausted: '已嘗試 {{attempts}} 次仍無法送到簡訊業者，不再自動重試。',
      quietHours: '重試的時間落在勿擾時段內，依設定不再重試。',
    },
    provider: {
      accountRefused: '簡訊業者拒絕了這個帳號（帳號、密碼或權限），帳號已暫停發送。',
      rejected: '簡訊業者拒絕了這則簡訊。',
    },
    paused: {
      noCredit: '點數不足：此帳號暫停發送，儲值後會自動恢復（或按「恢復」）。',
    },
    operator: {
      markedFailed: '操作人員確認這則簡訊未送達，已標示為失敗。',
    },
    conflict: {
      notResendable: '這則簡訊目前狀態為「$t(common.status.{{status}})」，不能重新發送。',
      notMarkable: '只有「狀態不明」的簡訊可以標示為失敗（目前為「$t(common.status.{{status}})」）。',
    },
    quietUntil: '勿擾時段，將於 {{time}} 發送',
    drawer: {
      unknownHelp: '無法確定業者是否收到這則簡訊。請向業者確認；若未收到可「重新發送」（會建立一則新簡訊），否則請「標示為失敗」。',
      resend: '重新發送',
      resendConfirm: '確定重新發送？若業者其實已收到原本那則，對方會收到兩次。',
      resent: '已建立新簡訊 #{{id}}。',
      markFailed: '標示為失敗',
      markedFailed: '已標示為失敗。',
      resendOf: '重新發送自 #{{id}}',
      attempts: '處理經過',
      attemptLine: '{{from}} → {{to}}',
      noAttempts: '沒有記錄。',
    },
    header: {
      balance: '餘額 {{balance}}',
      balanceUnit: '餘額 {{balance}} {{unit}}',
      low: '餘額偏低',
      lowHelp: '餘額低於 {{threshold}}，請儘快儲值。',
      pausedBanner: '帳號「{{account}}」已暫停發送：{{reason}}',
      resume: '恢復',
      resumed: '帳號「{{account}}」已恢復發送。',
    },
  },
  en: {
    cli: { cancelled: 'Message #{{id}} cancelled.', resent: 'New message #{{id}} created (resend of #{{original}}).' },
    blocked: {
      invalidNumber: 'The number is not a valid mobile number; not sent.',
      optedOut: 'This number asked not to receive messages; not sent.',
      frequencyCap: 'This number already received {{max}} messages in 24 hours (the limit); not sent.',
    },
    retry: {
      exhausted: 'Could not reach the provider after {{attempts}} attempts; no more automatic retries.',
      quietHours: 'The retry would fall inside quiet hours; as set, it is not retried.',
    },
    provider: {
      accountRefused: 'The provider refused this account (user, password or permissions); the account is paused.',
      rejected: 'The provider refused this message.',
    },
    paused: {
      noCredit: 'Out of credit: this account is paused and resumes by itself once topped up (or press “Resume”).',
    },
    operator: {
      markedFailed: 'The operator confirmed this message did not arrive and marked it failed.',
    },
    conflict: {
      notResendable: 'This message is “$t(common.status.{{status}})” and cannot be sent again.',
      notMarkable: 'Only a message with an unknown result can be marked failed (this one is “$t(common.status.{{status}})”).',
    },
    quietUntil: 'Quiet hours: goes at {{time}}',
    drawer: {
      unknownHelp: 'It is not certain whether the provider received this message. Check with the provider; if it did not, “Resend” (creates a new message), otherwise “Mark failed”.',
      resend: 'Resend',
      resendConfirm: 'Send it again? If the provider did receive the original, the customer gets it twice.',
      resent: 'New message #{{id}} created.',
      markFailed: 'Mark failed',
      markedFailed: 'Marked failed.',
      resendOf: 'Resend of #{{id}}',
      attempts: 'History',
      attemptLine: '{{from}} → {{to}}',
      noAttempts: 'Nothing recorded.',
    },
    header: {
      balance: 'Balance {{balance}}',
      balanceUnit: 'Balance {{balance}} {{unit}}',
      low: 'Low balance',
      lowHelp: 'The balance is below {{threshold}}; please top up soon.',
      pausedBanner: 'Account “{{account}}” is paused: {{reason}}',
      resume: 'Resume',
      resumed: 'Account “{{account}}” sends again.',
    },
  },
  'zh-CN': {
    cli: { cancelled: '已取消短信 #{{id}}。', resent: '已新建短信 #{{id}}（重新发送 #{{original}}）。' },
    blocked: {
      invalidNumber: '号码不是有效的手机号码，未发送。',
      optedOut: '这个号码已要求不再接收短信，未发送。',
      frequencyCap: '这个号码 24 小时内已收到 {{max}} 条短信（发送上限），未发送。',
    },
    retry: {
      exhausted: '已尝试 {{attempts}} 次仍无法送达短信服务商，不再自动重试。',
      quietHours: '重试时间落在免打扰时段内，按设置不再重试。',
    },
    provider: {
      accountRefused: '短信服务商拒绝了这个账号（账号、密码或权限），账号已暂停发送。',
      rejected: '短信服务商拒绝了这条短信。',
    },
    paused: {
      noCredit: '余额不足：此账号暂停发送，充值后会自动恢复（或点击“恢复”）。',
    },
    operator: {
      markedFailed: '操作人员确认这条短信未送达，已标记为失败。',
    },
    conflict: {
      notResendable: '这条短信当前状态为“$t(common.status.{{status}})”，不能重新发送。',
      notMarkable: '只有“状态不明”的短信可以标记为失败（当前为“$t(common.status.{{status}})”）。',
    },
    quietUntil: '免打扰时段，将于 {{time}} 发送',
    drawer: {
      unknownHelp: '无法确定服务商是否收到这条短信。请向服务商确认；若未收到可“重新发送”（会新建一条短信），否则请“标记为失败”。',
      resend: '重新发送',
      resendConfirm: '确定重新发送？如果服务商其实已收到原来那条，对方会收到两次。',
      resent: '已新建短信 #{{id}}。',
      markFailed: '标记为失败',
      markedFailed: '已标记为失败。',
      resendOf: '重新发送自 #{{id}}',
      attempts: '处理经过',
      attemptLine: '{{from}} → {{to}}',
      noAttempts: '没有记录。',
    },
    header: {
      balance: '余额 {{balance}}',
      balanceUnit: '余额 {{balance}} {{unit}}',
      low: '余额偏低',
      lowHelp: '余额低于 {{threshold}}，请尽快充值。',
      pausedBanner: '账号“{{account}}”已暂停发送：{{reason}}',
      resume: '恢复',
      resumed: '账号“{{account}}”已恢复发送。',
    },
  },
  ja: {
    cli: { cancelled: 'メッセージ #{{id}} を取り消しました。', resent: '新しいメッセージ #{{id}} を作成しました（#{{original}} の再送信）。' },
    blocked: {
      invalidNumber: '有効な携帯電話番号ではないため、送信しませんでした。',
      optedOut: 'この番号は受信を拒否しているため、送信しませんでした。',
      frequencyCap: 'この番号には 24 時間以内に {{max}} 件送信済み（上限）のため、送信しませんでした。',
    },
    retry: {
      exhausted: '{{attempts}} 回試みても SMS 事業者に届かなかったため、自動再試行を終了しました。',
      quietHours: '再試行の時刻が送信停止時間帯に入るため、設定により再試行しません。',
    },
    provider: {
      accountRefused: 'SMS 事業者がこのアカウントを拒否しました（ID、パスワードまたは権限）。アカウントを一時停止しました。',
      rejected: 'SMS 事業者がこのメッセージを拒否しました。',
    },
    paused: {
      noCredit: '残高不足：このアカウントは一時停止中です。チャージすると自動で再開します（または「再開」）。',
    },
    operator: {
      markedFailed: '担当者が未着を確認し、失敗にしました。',
    },
    conflict: {
      notResendable: 'このメッセージは「$t(common.status.{{status}})」のため、再送信できません。',
      notMarkable: '状態不明のメッセージだけを失敗にできます（現在は「$t(common.status.{{status}})」）。',
    },
    quietUntil: '送信停止時間帯：{{time}} に送信',
    drawer: {
      unknownHelp: '事業者がこのメッセージを受け取ったか確かではありません。事業者に確認し、届いていなければ「再送信」（新しいメッセージを作成）、そうでなければ「失敗にする」を選んでください。',
      resend: '再送信',
      resendConfirm: '再送信しますか？ 事業者が元のメッセージを受け取っていた場合、お客様に 2 通届きます。',
      resent: '新しいメッセージ #{{id}} を作成しました。',
      markFailed: '失敗にする',
      markedFailed: '失敗にしました。',
      resendOf: '#{{id}} の再送信',
      attempts: '処理の経過',
      attemptLine: '{{from}} → {{to}}',
      noAttempts: '記録はありません。',
    },
    header: {
      balance: '残高 {{balance}}',
      balanceUnit: '残高 {{balance}} {{unit}}',
      low: '残高わずか',
      lowHelp: '残高が {{threshold}} を下回りました。早めにチャージしてください。',
      pausedBanner: 'アカウント「{{account}}」は一時停止中です：{{reason}}',
      resume: '再開',
      resumed: 'アカウント「{{account}}」の送信を再開しました。',
    },
  },
} satisfies Catalog;

import type { Catalog } from '../catalog';

// The Settings page: one label and help text per setting of src-shared/settings/registry.ts
// (keys.<setting key>.label / .help, options for enums), the groups, and the accounts list.
export default {
  'zh-TW': {
    saved: '已儲存「{{label}}」。',
    timeZoneDefault: '跟隨電腦設定（{{zone}}）',
    invalid: {
      enum: '請從清單中選擇。',
      string: '內容不符合要求，請檢查長度。',
      integer: '請輸入 {{min}} 到 {{max}} 之間的整數。',
      boolean: '請選擇開或關。',
      timeZone: '請從清單中選擇時區。',
    },
    groups: {
      general: { title: '一般', help: '介面語言' },
      shop: { title: '門市', help: '店名、時區與所在地區' },
      sending: { title: '發送', help: '暫停、重試、勿擾時段、發送上限與測試帳號' },
      compose: { title: '撰寫', help: '發送者標示、開頭與結尾、退訂文字、測試號碼與重複範本檢查' },
      data: { title: '資料', help: '備份的位置與自動備份' },
      rules: { title: '提醒規則', help: '生日等自動提醒的寄送方式' },
    },
    keys: {
      ui: {
        language: {
          label: '介面語言',
          help: '變更後立即套用到所有畫面。',
          options: { 'zh-TW': '繁體中文', en: 'English', 'zh-CN': '简体中文', ja: '日本語' },
        },
      },
      shop: {
        name: { label: '店名', help: '台灣的企業簡訊須以登記的名稱標示發送者，通常寫成開頭的【店名】。', placeholder: '例如：測試店' },
        phone: { label: '門市電話', help: '範本中的 {電話} 會換成這個號碼，常用在結尾的署名。', placeholder: '例如：02-2345-6789' },
        timeZone: { label: '門市時區', help: '預約時間與記錄中的時間都以這個時區顯示。' },
        region: {
          label: '所在地區',
          help: '輸入沒有國碼的號碼時（例如 0912 345 678），以這個地區解讀。',
          options: { TW: '台灣', CN: '中國大陸', HK: '香港', MO: '澳門', JP: '日本', US: '美國', SG: '新加坡', MY: '馬來西亞' },
        },
      },
      sending: {
        paused: { label: '暫停發送', help: '開啟後，排隊中的簡訊會保留，直到關閉暫停才送出。' },
        maxAttempts: { label: '最多嘗試次數', help: '連線失敗等「業者尚未收到」的錯誤，最多自動嘗試幾次。' },
        retryBaseMs: { label: '重試等待起始時間', help: '第一次重試前的等待時間，之後每次加倍（含隨機誤差）。', unit: '毫秒' },
        retryCapMs: { label: '重試等待上限', help: '兩次重試之間最長的等待時間。', unit: '毫秒' },
        quietHours: {
          enabled: { label: '勿擾時段', help: '規則、API、補發、自動重試與行銷簡訊在這段時間不發送，延到時段結束；您手動按下發送的簡訊照常送出。' },
          start: { label: '勿擾開始', help: '門市時區的時間，24 小時制（HH:MM）。', placeholder: '21:00' },
          end: { label: '勿擾結束', help: '門市時區的時間，24 小時制（HH:MM）。', placeholder: '09:00' },
          retryFails: { label: '勿擾時段內不重試', help: '開啟後，重試時間若落在勿擾時段內，該則簡訊直接標示為失敗，而不是等到時段結束。' },
        },
        frequencyCap: { label: '每個號碼每 24 小時上限', help: '同一個號碼 24 小時內最多收到幾則，超過的會被擋下（0 = 不限制）。', unit: '則' },
        lowBalance: { label: '餘額偏低提醒', help: '預設帳號的餘額低於這個數字時，頂端列會提醒。', unit: '點' },
      },
      compose: {
        senderTag: { label: '發送者標示', help: '每則簡訊都要有的發送者名稱，例如【測試店】。空白時使用【店名】。', placeholder: '例如：【測試店】' },
        prefix: { label: '預設開頭', help: '勾選「加上開頭」時放在簡訊前面，可使用欄位，例如 {署名}親愛的 {姓名} {稱謂}，', placeholder: '{署名}' },
        suffix: { label: '預設結尾（署名）', help: '勾選「加上結尾」時放在簡訊後面，通常是店名與電話，例如 —{店名} {電話}' },
        optOutLine: { label: '退訂文字', help: '行銷簡訊必須包含這段文字。空白時依所在地區使用「退訂」「退订」或「配信停止」。', placeholder: '例如：退訂請回覆 N' },
        testNumber: { label: '自己的手機號碼', help: '「發送測試簡訊」會寄到這個號碼。', placeholder: '例如：0912 345 678' },
        templateRepeatDays: { label: '重複範本提醒', help: '同一個號碼在這麼多天內收過同一個範本時，發送前會提醒（0 = 不檢查）。', unit: '天' },
      },
      sandbox: {
        deliveryDelayMs: { label: '測試帳號送達時間', help: '測試帳號在多久之後回報「已送達」，用來模擬真實業者的回報時間。', unit: '毫秒' },
      },
      data: {
        backupDir: { label: '備份資料夾', help: '空白時使用資料夾旁的預設位置。可以選擇隨身碟或另一個磁碟。', placeholder: '預設位置' },
        autoBackup: { label: '每天自動備份', help: '由負責發送的程式在指定時間備份，錯過時會在下次啟動時補做。' },
        autoBackupTime: { label: '自動備份時間', help: '門市時區的時間，格式為 21:30。' },
        keepBackups: { label: '保留的自動備份數量', help: '超過時刪除最舊的自動備份；手動備份不會被刪除。' },
      },
      rules: {
        leapDayBirthday: { label: '2 月 29 日的生日', help: '平年沒有 2 月 29 日：在這一天寄送生日祝福。', options: { feb28: '2 月 28 日', mar1: '3 月 1 日' } },
      },
    },
    accounts: {
      title: '簡訊帳號',
      readOnly: '新增與修改帳號將於下一個版本推出',
      empty: '尚未設定簡訊帳號。',
      default: '預設',
      paused: '已暫停',
      sender: '發送名稱 {{sender}}',
      balanceUnknown: '無法查詢餘額',
      units: { points: '點' },
    },
  },
  en: {
    saved: '“{{label}}” saved.',
    timeZoneDefault: 'Same as this computer ({{zone}})',
    invalid: {
      enum: 'Please choose from the list.',
      string: 'This value does not fit; please check its length.',
      integer: 'Please enter a whole number from {{min}} to {{max}}.',
      boolean: 'Please choose on or off.',
      timeZone: 'Please choose a time zone from the list.',
    },
    groups: {
      general: { title: 'General', help: 'Language of the app' },
      shop: { title: 'Shop', help: 'Shop name, time zone and region' },
      sending: { title: 'Sending', help: 'Pausing, retries, quiet hours, limits and the test account' },
      compose: { title: 'Compose', help: 'Sender tag, prefix and suffix, opt-out text, test number and repeated-template check' },
      data: { title: 'Data', help: 'Where backups go, and automatic backups' },
      rules: { title: 'Reminder rules', help: 'How automatic reminders such as birthdays are sent' },
    },
    keys: {
      ui: {
        language: {
          label: 'Language',
          help: 'Applies to every screen at once.',
          options: { 'zh-TW': '繁體中文', en: 'English', 'zh-CN': '简体中文', ja: '日本語' },
        },
      },
      shop: {
        name: { label: 'Shop name', help: 'In Taiwan, business SMS must name the sender with its registered name, usually as 【Shop name】 at the start.', placeholder: 'For example: Test Shop' },
        phone: { label: 'Shop phone', help: 'The {電話} placeholder (shopPhone) becomes this number, often in the signature.', placeholder: 'For example: 02-2345-6789' },
        timeZone: { label: 'Shop time zone', help: 'Scheduled times and the times in the log are shown in this zone.' },
        region: {
          label: 'Region',
          help: 'Numbers typed without a country code (e.g. 0912 345 678) are read as numbers of this region.',
          options: { TW: 'Taiwan', CN: 'Mainland China', HK: 'Hong Kong', MO: 'Macau', JP: 'Japan', US: 'United States', SG: 'Singapore', MY: 'Malaysia' },
        },
      },
      sending: {
        paused: { label: 'Pause sending', help: 'While on, queued messages are kept and sent once it is turned off.' },
        maxAttempts: { label: 'Most attempts', help: 'How many times a send that did not reach the provider (e.g. no connection) is tried automatically.' },
        retryBaseMs: { label: 'First retry wait', help: 'Wait before the first retry; it doubles each time (with some randomness).', unit: 'ms' },
        retryCapMs: { label: 'Longest retry wait', help: 'The longest wait between two retries.', unit: 'ms' },
        quietHours: {
          enabled: { label: 'Quiet hours', help: 'Rules, the API, catch-up, automatic retries and marketing messages wait until quiet hours end; a message you send yourself goes at once.' },
          start: { label: 'Quiet hours start', help: 'In the shop’s time zone, 24-hour (HH:MM).', placeholder: '21:00' },
          end: { label: 'Quiet hours end', help: 'In the shop’s time zone, 24-hour (HH:MM).', placeholder: '09:00' },
          retryFails: { label: 'No retries in quiet hours', help: 'When on, a retry that would fall inside quiet hours ends the message as failed instead of waiting.' },
        },
        frequencyCap: { label: 'Per number per 24 hours', help: 'The most messages one number receives in 24 hours; more are blocked (0 = no limit).', unit: 'messages' },
        lowBalance: { label: 'Low balance warning', help: 'The top bar warns when the default account’s balance falls below this.', unit: 'points' },
      },
      compose: {
        senderTag: { label: 'Sender tag', help: 'The sender name every message must carry, such as 【Test Shop】. Empty: 【shop name】.', placeholder: 'For example: 【Test Shop】' },
        prefix: { label: 'Default prefix', help: 'Put before the message when “add prefix” is ticked; placeholders work, e.g. {senderTag}Dear {name},', placeholder: '{senderTag}' },
        suffix: { label: 'Default suffix (signature)', help: 'Put after the message when “add suffix” is ticked; usually the shop name and phone, e.g. —{shopName} {shopPhone}' },
        optOutLine: { label: 'Opt-out text', help: 'Marketing messages must contain this text. Empty: 退訂, 退订 or 配信停止 by region.', placeholder: 'For example: reply N to opt out' },
        testNumber: { label: 'Your own mobile', help: '“Send a test” goes to this number.', placeholder: 'For example: 0912 345 678' },
        templateRepeatDays: { label: 'Repeated template warning', help: 'Warn before sending when a number got the same template within this many days (0 = no check).', unit: 'days' },
      },
      sandbox: {
        deliveryDelayMs: { label: 'Test account delivery time', help: 'How long the test account takes to report “Delivered”, to imitate a real provider.', unit: 'ms' },
      },
      data: {
        backupDir: { label: 'Backup folder', help: 'Empty: the default folder beside the data folder. You may choose a USB stick or another disk.', placeholder: 'Default folder' },
        autoBackup: { label: 'Daily automatic backup', help: 'Made at the chosen time by the program that sends; a missed one is made at the next start.' },
        autoBackupTime: { label: 'Automatic backup time', help: 'In the shop’s time zone, like 21:30.' },
        keepBackups: { label: 'Automatic backups to keep', help: 'Older automatic backups are removed; manual ones never are.' },
      },
      rules: {
        leapDayBirthday: { label: 'Birthdays on 29 February', help: 'In years without 29 February, the birthday greeting goes on this day.', options: { feb28: '28 February', mar1: '1 March' } },
      },
    },
    accounts: {
      title: 'SMS accounts',
      readOnly: 'Adding and editing accounts comes in the next version',
      empty: 'No SMS account is set up yet.',
      default: 'Default',
      paused: 'Paused',
      sender: 'Sender name {{sender}}',
      balanceUnknown: 'Balance not available',
      units: { points: 'points' },
    },
  },
  'zh-CN': {
    saved: '已保存“{{label}}”。',
    timeZoneDefault: '跟随电脑设置（{{zone}}）',
    invalid: {
      enum: '请从列表中选择。',
      string: '内容不符合要求，请检查长度。',
      integer: '请输入 {{min}} 到 {{max}} 之间的整数。',
      boolean: '请选择开或关。',
      timeZone: '请从列表中选择时区。',
    },
    groups: {
      general: { title: '常规', help: '界面语言' },
      shop: { title: '门店', help: '店名、时区与所在地区' },
      sending: { title: '发送', help: '暂停、重试、免打扰时段、发送上限与测试账号' },
      compose: { title: '撰写', help: '签名、开头与结尾、退订文字、测试号码与重复模板检查' },
      data: { title: '数据', help: '备份的位置与自动备份' },
      rules: { title: '提醒规则', help: '生日等自动提醒的发送方式' },
    },
    keys: {
      ui: {
        language: {
          label: '界面语言',
          help: '更改后立即应用到所有页面。',
          options: { 'zh-TW': '繁體中文', en: 'English', 'zh-CN': '简体中文', ja: '日本語' },
        },
      },
      shop: {
        name: { label: '店名', help: '商业短信需要带上【签名】，通常放在开头。', placeholder: '例如：测试店' },
        phone: { label: '门店电话', help: '模板中的 {电话} 会换成这个号码，常用在结尾的签名。', placeholder: '例如：010-1234-5678' },
        timeZone: { label: '门店时区', help: '定时时间和记录中的时间都按这个时区显示。' },
        region: {
          label: '所在地区',
          help: '输入不带国家代码的号码时（例如 138 0013 8000），按这个地区解读。',
          options: { TW: '台湾', CN: '中国大陆', HK: '香港', MO: '澳门', JP: '日本', US: '美国', SG: '新加坡', MY: '马来西亚' },
        },
      },
      sending: {
        paused: { label: '暂停发送', help: '开启后，排队中的短信会保留，关闭暂停后才发出。' },
        maxAttempts: { label: '最多尝试次数', help: '连接失败等“服务商尚未收到”的错误，最多自动尝试几次。' },
        retryBaseMs: { label: '重试等待起始时间', help: '第一次重试前的等待时间，之后每次加倍（含随机误差）。', unit: '毫秒' },
        retryCapMs: { label: '重试等待上限', help: '两次重试之间最长的等待时间。', unit: '毫秒' },
        quietHours: {
          enabled: { label: '免打扰时段', help: '规则、API、补发、自动重试与营销短信在此时段不发送，延到时段结束；您手动发送的短信照常发出。' },
          start: { label: '免打扰开始', help: '门店时区的时间，24 小时制（HH:MM）。', placeholder: '21:00' },
          end: { label: '免打扰结束', help: '门店时区的时间，24 小时制（HH:MM）。', placeholder: '09:00' },
          retryFails: { label: '免打扰时段内不重试', help: '开启后，重试时间若落在免打扰时段内，该条短信直接标记为失败，而不是等到时段结束。' },
        },
        frequencyCap: { label: '每个号码每 24 小时上限', help: '同一号码 24 小时内最多收到几条，超过的会被拦下（0 = 不限制）。', unit: '条' },
        lowBalance: { label: '余额偏低提醒', help: '默认账号余额低于此数时，顶栏会提醒。', unit: '点' },
      },
      compose: {
        senderTag: { label: '签名', help: '每条短信都要带的发送方名称，例如【测试店】。留空时使用【店名】。', placeholder: '例如：【测试店】' },
        prefix: { label: '默认开头', help: '勾选“加上开头”时放在短信前面，可使用字段，例如 {签名}亲爱的 {姓名} {称谓}，', placeholder: '{签名}' },
        suffix: { label: '默认结尾（落款）', help: '勾选“加上结尾”时放在短信后面，通常是店名与电话，例如 —{店名} {电话}' },
        optOutLine: { label: '退订文字', help: '营销短信必须包含这段文字。留空时按所在地区使用“退订”“退訂”或“配信停止”。', placeholder: '例如：回复 TD 退订' },
        testNumber: { label: '自己的手机号码', help: '“发送测试短信”会发到这个号码。', placeholder: '例如：138 0013 8000' },
        templateRepeatDays: { label: '重复模板提醒', help: '同一个号码在这么多天内收到过同一个模板时，发送前会提醒（0 = 不检查）。', unit: '天' },
      },
      sandbox: {
        deliveryDelayMs: { label: '测试账号送达时间', help: '测试账号多久之后回报“已送达”，用来模拟真实服务商的回报时间。', unit: '毫秒' },
      },
      data: {
        backupDir: { label: '备份文件夹', help: '留空时使用数据文件夹旁的默认位置。可以选择U盘或另一个磁盘。', placeholder: '默认位置' },
        autoBackup: { label: '每天自动备份', help: '由负责发送的程序在指定时间备份，错过时会在下次启动时补做。' },
        autoBackupTime: { label: '自动备份时间', help: '门店时区的时间，格式为 21:30。' },
        keepBackups: { label: '保留的自动备份数量', help: '超过时删除最旧的自动备份；手动备份不会被删除。' },
      },
      rules: {
        leapDayBirthday: { label: '2 月 29 日的生日', help: '平年没有 2 月 29 日：在这一天发送生日祝福。', options: { feb28: '2 月 28 日', mar1: '3 月 1 日' } },
      },
    },
    accounts: {
      title: '短信账号',
      readOnly: '新增与修改账号将在下一版本推出',
      empty: '尚未设置短信账号。',
      default: '默认',
      paused: '已暂停',
      sender: '签名 {{sender}}',
      balanceUnknown: '无法查询余额',
      units: { points: '点' },
    },
  },
  ja: {
    saved: '「{{label}}」を保存しました。',
    timeZoneDefault: 'このコンピューターと同じ（{{zone}}）',
    invalid: {
      enum: '一覧から選んでください。',
      string: '内容が条件に合いません。長さを確認してください。',
      integer: '{{min}} から {{max}} までの整数を入力してください。',
      boolean: 'オンかオフを選んでください。',
      timeZone: '一覧からタイムゾーンを選んでください。',
    },
    groups: {
      general: { title: '一般', help: '表示言語' },
      shop: { title: '店舗', help: '店名・タイムゾーン・地域' },
      sending: { title: '送信', help: '一時停止、再試行、送信停止時間帯、上限、テスト用アカウント' },
      compose: { title: '作成', help: '送信者名、冒頭と末尾、配信停止の文言、テスト番号、同じテンプレートの確認' },
      data: { title: 'データ', help: 'バックアップの保存先と自動バックアップ' },
      rules: { title: 'リマインダー', help: '誕生日などの自動リマインダーの送り方' },
    },
    keys: {
      ui: {
        language: {
          label: '表示言語',
          help: '変更するとすべての画面にすぐ反映されます。',
          options: { 'zh-TW': '繁體中文', en: 'English', 'zh-CN': '简体中文', ja: '日本語' },
        },
      },
      shop: {
        name: { label: '店名', help: 'メッセージには送信者（店名）を明記してください。', placeholder: '例：テスト店' },
        phone: { label: '店舗の電話番号', help: 'テンプレートの {電話} がこの番号になります。末尾の署名によく使います。', placeholder: '例：03-1234-5678' },
        timeZone: { label: '店舗のタイムゾーン', help: '予約日時や履歴の日時はこのタイムゾーンで表示されます。' },
        region: {
          label: '地域',
          help: '国番号なしで入力した番号（例：090-1234-5678）はこの地域の番号として扱います。',
          options: { TW: '台湾', CN: '中国本土', HK: '香港', MO: 'マカオ', JP: '日本', US: 'アメリカ', SG: 'シンガポール', MY: 'マレーシア' },
        },
      },
      sending: {
        paused: { label: '送信を一時停止', help: 'オンの間、送信待ちのメッセージは保持され、オフにすると送信されます。' },
        maxAttempts: { label: '最大試行回数', help: '接続失敗など事業者に届かなかった送信を、自動で何回まで試みるか。' },
        retryBaseMs: { label: '最初の再試行までの待ち時間', help: '最初の再試行までの待ち時間。以後は毎回倍になります（ゆらぎあり）。', unit: 'ミリ秒' },
        retryCapMs: { label: '再試行の最大待ち時間', help: '再試行の間隔の上限。', unit: 'ミリ秒' },
        quietHours: {
          enabled: { label: '送信停止時間帯', help: 'ルール、API、取りこぼし分、自動再試行、販促メッセージはこの時間帯が終わるまで待ちます。ご自身で送信したメッセージはすぐ送られます。' },
          start: { label: '送信停止の開始', help: '店舗のタイムゾーンの時刻、24 時間表記（HH:MM）。', placeholder: '21:00' },
          end: { label: '送信停止の終了', help: '店舗のタイムゾーンの時刻、24 時間表記（HH:MM）。', placeholder: '09:00' },
          retryFails: { label: '送信停止時間帯は再試行しない', help: 'オンにすると、再試行の時刻が送信停止時間帯に入る場合、待たずに失敗とします。' },
        },
        frequencyCap: { label: '1 番号あたり 24 時間の上限', help: '1 つの番号が 24 時間に受け取る最大件数。超えた分は送信しません（0 = 制限なし）。', unit: '件' },
        lowBalance: { label: '残高わずかの警告', help: '既定アカウントの残高がこの値を下回ると、上部バーに警告を表示します。', unit: 'ポイント' },
      },
      compose: {
        senderTag: { label: '送信者名', help: 'すべてのメッセージに入れる送信者名（例：【テスト店】）。空欄なら【店名】。', placeholder: '例：【テスト店】' },
        prefix: { label: '冒頭の定型文', help: '「冒頭を付ける」をオンにすると本文の前に入ります。差し込み項目も使えます（例：{署名}{氏名} {敬称}、）', placeholder: '{署名}' },
        suffix: { label: '末尾の定型文（署名）', help: '「末尾を付ける」をオンにすると本文の後に入ります。通常は店名と電話番号（例：—{店名} {電話}）' },
        optOutLine: { label: '配信停止の文言', help: '広告メッセージにはこの文言が必要です。空欄なら地域により「配信停止」「退訂」「退订」。', placeholder: '例：配信停止は STOP と返信' },
        testNumber: { label: '自分の携帯番号', help: '「テスト送信」はこの番号に送られます。', placeholder: '例：090-1234-5678' },
        templateRepeatDays: { label: '同じテンプレートの確認', help: '同じ番号にこの日数以内に同じテンプレートを送っていると、送信前に注意します（0 = 確認しない）。', unit: '日' },
      },
      sandbox: {
        deliveryDelayMs: { label: 'テスト用アカウントの配信時間', help: 'テスト用アカウントが「配信済み」を報告するまでの時間です。実際の事業者の報告を再現します。', unit: 'ミリ秒' },
      },
      data: {
        backupDir: { label: 'バックアップフォルダー', help: '空欄の場合はデータフォルダーの隣の既定の場所です。USB メモリーや別のディスクも選べます。', placeholder: '既定の場所' },
        autoBackup: { label: '毎日自動バックアップ', help: '送信を担当するプログラムが指定時刻に作成します。できなかった分は次の起動時に作成します。' },
        autoBackupTime: { label: '自動バックアップの時刻', help: '店舗のタイムゾーンの時刻（例：21:30）。' },
        keepBackups: { label: '保持する自動バックアップの数', help: '古い自動バックアップから削除します。手動のバックアップは削除されません。' },
      },
      rules: {
        leapDayBirthday: { label: '2 月 29 日の誕生日', help: '2 月 29 日がない年は、この日に誕生日のお祝いを送ります。', options: { feb28: '2 月 28 日', mar1: '3 月 1 日' } },
      },
    },
    accounts: {
      title: 'SMS アカウント',
      readOnly: 'アカウントの追加・編集は次のバージョンで対応します',
      empty: 'SMS アカウントがまだ設定されていません。',
      default: '既定',
      paused: '一時停止中',
      sender: '送信者名 {{sender}}',
      balanceUnknown: '残高を取得できません',
      units: { points: 'ポイント' },
    },
  },
} satisfies Catalog;

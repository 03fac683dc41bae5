import type { Catalog } from '../catalog';

// The Electron host's own words: the tray menu, its tooltip, the dialogs shown before the window
// can (a missing native module, a database that cannot be opened), and `npm start`'s one line.
export default {
  'zh-TW': {
    open: '開啟 smsdesk',
    pause: '暫停發送',
    resume: '恢復發送',
    quit: '結束 smsdesk',
    tooltip: 'smsdesk 簡訊桌面：執行中',
    tooltipPaused: 'smsdesk 簡訊桌面：已暫停發送',
    ipc: { forbidden: '這個要求不是來自 smsdesk 視窗，已拒絕。' },
    dialog: {
      startFailedTitle: 'smsdesk 無法啟動',
      nativeMissing: '找不到這個版本專用的資料庫元件（{{path}}），無法開啟資料庫。請重新安裝 smsdesk。若是從原始碼執行，請用 npm start 啟動，它會先建置這個元件。',
      startFailed: '開啟資料時發生問題：{{reason}}',
    },
    start: {
      browserMode: '無法下載 Electron，smsdesk 改以瀏覽器模式啟動。',
      nativeBuildFailed: '無法為 Electron 建置資料庫元件，smsdesk 改以瀏覽器模式啟動。',
    },
  },
  en: {
    open: 'Open smsdesk',
    pause: 'Pause sending',
    resume: 'Resume sending',
    quit: 'Quit smsdesk',
    tooltip: 'smsdesk: running',
    tooltipPaused: 'smsdesk: sending paused',
    ipc: { forbidden: 'This request did not come from the smsdesk window and was refused.' },
    dialog: {
      startFailedTitle: 'smsdesk cannot start',
      nativeMissing: 'The database module built for this version of smsdesk is missing ({{path}}), so the database cannot be opened. Please reinstall smsdesk. If you run it from a checkout, start it with npm start, which builds the module first.',
      startFailed: 'There was a problem opening your data: {{reason}}',
    },
    start: {
      browserMode: 'Electron could not be downloaded, so smsdesk starts in browser mode.',
      nativeBuildFailed: 'The database module for Electron could not be built, so smsdesk starts in browser mode.',
    },
  },
  'zh-CN': {
    open: '打开 smsdesk',
    pause: '暂停发送',
    resume: '恢复发送',
    quit: '退出 smsdesk',
    tooltip: 'smsdesk 短信桌面：运行中',
    tooltipPaused: 'smsdesk 短信桌面：已暂停发送',
    ipc: { forbidden: '此请求并非来自 smsdesk 窗口，已拒绝。' },
    dialog: {
      startFailedTitle: 'smsdesk 无法启动',
      nativeMissing: '找不到此版本专用的数据库组件（{{path}}），无法打开数据库。请重新安装 smsdesk。如果从源代码运行，请用 npm start 启动，它会先构建此组件。',
      startFailed: '打开数据时出错：{{reason}}',
    },
    start: {
      browserMode: '无法下载 Electron，smsdesk 改以浏览器模式启动。',
      nativeBuildFailed: '无法为 Electron 构建数据库组件，smsdesk 改以浏览器模式启动。',
    },
  },
  ja: {
    open: 'smsdesk を開く',
    pause: '送信を一時停止',
    resume: '送信を再開',
    quit: 'smsdesk を終了',
    tooltip: 'smsdesk：実行中',
    tooltipPaused: 'smsdesk：送信を一時停止中',
    ipc: { forbidden: 'この要求は smsdesk のウィンドウから送られたものではないため、拒否しました。' },
    dialog: {
      startFailedTitle: 'smsdesk を起動できません',
      nativeMissing: 'このバージョン専用のデータベース部品（{{path}}）が見つからないため、データベースを開けません。smsdesk を再インストールしてください。ソースから実行している場合は npm start で起動すると、先にこの部品をビルドします。',
      startFailed: 'データを開くときに問題が発生しました：{{reason}}',
    },
    start: {
      browserMode: 'Electron をダウンロードできなかったため、smsdesk をブラウザーモードで起動します。',
      nativeBuildFailed: 'Electron 用のデータベース部品をビルドできなかったため、smsdesk をブラウザーモードで起動します。',
    },
  },
} satisfies Catalog;

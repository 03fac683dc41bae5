import type { Catalog } from '../catalog';

// Browser mode (`smsdesk serve`): the pages the web host answers itself, its terminal lines, and the
// keys of the errors it raises before a call reaches the core.
export default {
  'zh-TW': {
    building: '正在建置應用程式…',
    built: '應用程式建置完成。',
    cannotBuild: '無法建置應用程式到 {{dir}}：{{reason}}',
    page: {
      unauthorized: {
        title: '需要登入連結',
        body: '請開啟 smsdesk 在終端機上顯示的網址（以 http://127.0.0.1: 開頭，含有 ?token=）。每次啟動 smsdesk 都會產生新的網址。',
      },
      foreignOrigin: { title: '拒絕存取', body: '這個要求來自其他網站，smsdesk 不接受。' },
      wrongHost: { title: '拒絕存取', body: '請用終端機上顯示的網址（http://127.0.0.1:{{port}}/）開啟 smsdesk。' },
      notFound: { title: '找不到頁面', body: '這個網址沒有內容。' },
      badRequest: { title: '要求無效', body: '無法處理這個網址。' },
    },
    errors: {
      tokenRequired: '缺少或錯誤的存取權杖：請開啟 smsdesk 在終端機上顯示的網址。',
      foreignOrigin: '不接受來自其他網站的要求。',
      wrongHost: '不接受這個主機名稱的要求。',
      unsupportedMediaType: '要求內容必須是 JSON（Content-Type: application/json）。',
      methodNotAllowed: '這個網址不支援 {{method}} 方法。',
      bodyTooLarge: '要求內容太大（上限 {{max}} 位元組）。',
      malformedJson: '要求內容不是有效的 JSON。',
      notFound: '沒有這個介面網址。',
    },
  },
  en: {
    building: 'Building the app…',
    built: 'The app is built.',
    cannotBuild: 'Could not build the app into {{dir}}: {{reason}}',
    page: {
      unauthorized: {
        title: 'Open the link from the terminal',
        body: 'Please open the address smsdesk printed in the terminal (it starts with http://127.0.0.1: and contains ?token=). Each start of smsdesk makes a new address.',
      },
      foreignOrigin: { title: 'Access refused', body: 'This request comes from another website; smsdesk does not accept it.' },
      wrongHost: { title: 'Access refused', body: 'Please open smsdesk at the address printed in the terminal (http://127.0.0.1:{{port}}/).' },
      notFound: { title: 'Not found', body: 'There is nothing at this address.' },
      badRequest: { title: 'Bad request', body: 'This address cannot be handled.' },
    },
    errors: {
      tokenRequired: 'Missing or wrong access token: open the address smsdesk printed in the terminal.',
      foreignOrigin: 'Requests from other websites are not accepted.',
      wrongHost: 'Requests for this host name are not accepted.',
      unsupportedMediaType: 'The request body must be JSON (Content-Type: application/json).',
      methodNotAllowed: 'This address does not support the {{method}} method.',
      bodyTooLarge: 'The request body is too large (at most {{max}} bytes).',
      malformedJson: 'The request body is not valid JSON.',
      notFound: 'There is no API at this address.',
    },
  },
  'zh-CN': {
    building: '正在构建应用程序…',
    built: '应用程序构建完成。',
    cannotBuild: '无法构建应用程序到 {{dir}}：{{reason}}',
    page: {
      unauthorized: {
        title: '需要登录链接',
        body: '请打开 smsdesk 在终端中显示的网址（以 http://127.0.0.1: 开头，含有 ?token=）。每次启动 smsdesk 都会生成新的网址。',
      },
      foreignOrigin: { title: '拒绝访问', body: '这个请求来自其他网站，smsdesk 不接受。' },
      wrongHost: { title: '拒绝访问', body: '请用终端中显示的网址（http://127.0.0.1:{{port}}/）打开 smsdesk。' },
      notFound: { title: '找不到页面', body: '这个网址没有内容。' },
      badRequest: { title: '请求无效', body: '无法处理这个网址。' },
    },
    errors: {
      tokenRequired: '缺少或错误的访问令牌：请打开 smsdesk 在终端中显示的网址。',
      foreignOrigin: '不接受来自其他网站的请求。',
      wrongHost: '不接受这个主机名的请求。',
      unsupportedMediaType: '请求内容必须是 JSON（Content-Type: application/json）。',
      methodNotAllowed: '这个网址不支持 {{method}} 方法。',
      bodyTooLarge: '请求内容太大（上限 {{max}} 字节）。',
      malformedJson: '请求内容不是有效的 JSON。',
      notFound: '没有这个接口网址。',
    },
  },
  ja: {
    building: 'アプリをビルドしています…',
    built: 'アプリのビルドが完了しました。',
    cannotBuild: 'アプリを {{dir}} にビルドできませんでした：{{reason}}',
    page: {
      unauthorized: {
        title: 'ターミナルのリンクを開いてください',
        body: 'smsdesk がターミナルに表示したアドレス（http://127.0.0.1: で始まり ?token= を含むもの）を開いてください。smsdesk を起動するたびに新しいアドレスになります。',
      },
      foreignOrigin: { title: 'アクセス拒否', body: 'このリクエストは別のサイトから送られたため、smsdesk は受け付けません。' },
      wrongHost: { title: 'アクセス拒否', body: 'ターミナルに表示されたアドレス（http://127.0.0.1:{{port}}/）で smsdesk を開いてください。' },
      notFound: { title: 'ページが見つかりません', body: 'このアドレスには何もありません。' },
      badRequest: { title: '不正なリクエスト', body: 'このアドレスは処理できません。' },
    },
    errors: {
      tokenRequired: 'アクセストークンがないか間違っています。smsdesk がターミナルに表示したアドレスを開いてください。',
      foreignOrigin: '別のサイトからのリクエストは受け付けません。',
      wrongHost: 'このホスト名へのリクエストは受け付けません。',
      unsupportedMediaType: 'リクエストの本文は JSON（Content-Type: application/json）でなければなりません。',
      methodNotAllowed: 'このアドレスは {{method}} メソッドに対応していません。',
      bodyTooLarge: 'リクエストの本文が大きすぎます（上限 {{max}} バイト）。',
      malformedJson: 'リクエストの本文が正しい JSON ではありません。',
      notFound: 'このアドレスに API はありません。',
    },
  },
} satisfies Catalog;

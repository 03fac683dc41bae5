// segments.*: our counter's throughput against sms-segments-calculator (Twilio's counter) on one mixed
// corpus of the messages smsdesk's users send — GSM text, Chinese, Japanese, emoji, extension
// characters, short and long — generated from a fixed seed so every run measures the same texts.
import { SegmentedMessage } from 'sms-segments-calculator';
import { countSegments } from '../../../src-shared/sms/segments';
import { comparePeer, intBetween, pick, round, seededRandom, type BenchCase } from '../util';

const SEED = 0x5e65;
const CORPUS_SIZE = 1000;
const GOAL = 5;

const GSM_WORDS = [
  'Hello', 'your', 'order', '#1024', 'is', 'ready', 'for', 'pick-up', 'at', 'the', 'store', 'today',
  'until', '9pm.', 'Thanks!', 'Reply', 'STOP', 'to', 'opt', 'out.', 'Total:', '$25.00', '£12', '@shop',
  'appointment', 'tomorrow', '10:30', 'café', 'Müller', 'Señor', 'Ørsted', '(VIP)', '50%', 'off', '?',
];
const EXTENSION_WORDS = ['{code}', '[promo]', '€19.99', 'a|b', '~10%', '^_^', 'C:\\shop'];
const ZH_TW = '您好歡迎光臨本店訂單已到貨請於三日內至門市取件謝謝會員生日優惠活動期間全館八折預約時間明天下午點分確認';
const ZH_CN = '您好欢迎光临本店订单已到货请于三日内至门店取件谢谢会员生日优惠活动期间全场八折预约时间明天下午点分确认';
const JA = 'いつもご利用ありがとうございます。ご注文の商品が届きました。店頭にてお受け取りください。予約は明日午後三時です。';
const CJK_PUNCTUATION = ['，', '。', '！', '【', '】', '：', ' ', '\n'];
const EMOJI = ['😀', '🎉', '👍', '👍🏻', '❤️', '🛍️', '📦', '🇹🇼', '👨‍👩‍👧', '✅'];

type Random = () => number;

function gsmText(random: Random, maxWords: number, extensions: boolean): string {
  const words: string[] = [];
  const count = intBetween(random, 2, maxWords);
  for (let i = 0; i < count; i++) {
    words.push(extensions && random() < 0.15 ? pick(random, EXTENSION_WORDS) : pick(random, GSM_WORDS));
  }
  const text = words.join(' ');
  return random() < 0.2 ? text.replace(/\. /g, '.\r\n') : text;
}

function cjkText(random: Random, alphabet: string, maxChars: number): string {
  const chars: string[] = [];
  const count = intBetween(random, 4, maxChars);
  for (let i = 0; i < count; i++) {
    chars.push(random() < 0.1 ? pick(random, CJK_PUNCTUATION) : alphabet[Math.floor(random() * alphabet.length)]!);
  }
  return chars.join('');
}

function withEmoji(random: Random, text: string): string {
  const parts = [text];
  const count = intBetween(random, 1, 4);
  for (let i = 0; i < count; i++) parts.push(pick(random, EMOJI));
  return parts.join(random() < 0.5 ? ' ' : '');
}

/** The corpus: a realistic mix, most of it short, some of it several parts long. */
export function buildCorpus(seed = SEED, size = CORPUS_SIZE): string[] {
  const random = seededRandom(seed);
  const corpus: string[] = [];
  for (let i = 0; i < size; i++) {
    const long = random() < 0.25;
    const kind = random();
    let text: string;
    if (kind < 0.3) text = gsmText(random, long ? 90 : 25, false);
    else if (kind < 0.4) text = gsmText(random, long ? 90 : 25, true);
    else if (kind < 0.55) text = cjkText(random, ZH_TW, long ? 220 : 60);
    else if (kind < 0.65) text = cjkText(random, ZH_CN, long ? 220 : 60);
    else if (kind < 0.8) text = cjkText(random, JA, long ? 220 : 60);
    else if (kind < 0.9) text = withEmoji(random, random() < 0.5 ? gsmText(random, long ? 60 : 15, false) : cjkText(random, ZH_TW, long ? 150 : 40));
    else text = `【測試店】${cjkText(random, ZH_TW, long ? 120 : 30)} https://example.com/o/${intBetween(random, 1000, 9999)}`;
    corpus.push(text);
  }
  return corpus;
}

const segmentsCase: BenchCase = {
  name: 'segments',
  async run() {
    const corpus = buildCorpus();
    const ours = () => {
      let total = 0;
      for (const text of corpus) total += countSegments(text).segments;
      return total;
    };
    const peer = () => {
      let total = 0;
      for (const text of corpus) total += new SegmentedMessage(text).segmentsCount;
      return total;
    };
    const { ours: oursRate, peer: peerRate, ratio } = comparePeer(ours, peer, corpus.length);
    return {
      'segments.ratio_vs_twilio': { value: round(ratio, 1), unit: 'x', peer: Math.round(peerRate), goal: `>= ${GOAL}` },
      'segments.throughput': { value: Math.round(oursRate), unit: 'texts/s', peer: Math.round(peerRate), ratio: round(ratio, 1) },
    };
  },
};

export default segmentsCase;

// What the message box underlines: each character the chosen route cannot carry, once, with the
// reason's i18n key (the rule itself is src-shared/sms/charset.ts).
import { describe, expect, it } from 'vitest';
import { routeCharIssues } from '../../../src-renderer/features/compose/route-chars';
import { counterView } from '../../../src-renderer/features/compose/counter';

describe('route characters in the composer', () => {
  it('underlines emoji for TwSMS in Taiwan, once per character', () => {
    expect(routeCharIssues('您好😀，再見😀', 'twsms', 'TW')).toEqual([{ char: '😀', reasonKey: 'composeCore.charset.emoji' }]);
  });

  it('lets a Unicode route carry the same text', () => {
    expect(routeCharIssues('您好😀', 'sandbox', 'TW')).toEqual([]);
    expect(routeCharIssues('', 'twsms', 'TW')).toEqual([]);
    expect(routeCharIssues('您好😀', undefined, 'TW')).toEqual([]);
  });

  it('marks what Japanese routes cannot carry, with the reason', () => {
    const issues = routeCharIssues('髙橋様 ① ｶﾀｶﾅ', 'twilio', 'JP');
    expect(issues.map((i) => i.char)).toEqual(['髙', '①', 'ｶ', 'ﾀ', 'ﾅ']);
    expect(issues[0]!.reasonKey).toBe('composeCore.charset.machine_dependent');
    expect(issues[2]!.reasonKey).toBe('composeCore.charset.halfwidth_kana');
  });
});

describe('the counter names what a stray character costs', () => {
  it('says 2 parts instead of 1 for one curly quote in a Latin text', () => {
    const view = counterView('Your order is ready, thank you for shopping with us. See you soon at the shop’s counter!');
    expect(view.strayNonGsm).toEqual(['’']);
    expect(view.count.segments).toBe(2);
    expect(view.segmentsWithoutStray).toBe(1);
  });

  it('lists nothing for a Chinese text, which is UCS-2 by nature', () => {
    const view = counterView('您好歡迎光臨');
    expect(view.strayNonGsm).toEqual([]);
    expect(view.segmentsWithoutStray).toBe(view.count.segments);
  });
});

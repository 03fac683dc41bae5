// Twilio's error codes as a table: each → the outcome the engine acts on, explained in every language.
import { describe, expect, it } from 'vitest';
import { TWILIO_CODES, TWILIO_DELIVERY_ERRORS, TWILIO_STATUS } from '../../../src-main/core/providers/twilio/codes';
import { isMessagingService } from '../../../src-main/core/providers/twilio/wire';
import { expectTranslated } from './catalog-check';

describe('Twilio code table', () => {
  it('maps the create error codes', () => {
    expect(Object.fromEntries(Object.entries(TWILIO_CODES).map(([c, e]) => [c, e.kind]))).toEqual({
      '20003': 'account', '20005': 'account', '20404': 'rejected', '20429': 'retry', '21211': 'rejected', '21214': 'rejected',
      '21604': 'rejected', '21614': 'rejected', '21212': 'account', '21603': 'account', '21606': 'account', '21659': 'account',
      '21602': 'rejected', '21617': 'rejected', '21408': 'rejected', '21610': 'rejected', '21611': 'retry',
    });
  });

  it('maps every message status (delivered = delivered/read; failed = failed/undelivered/canceled)', () => {
    const by = (state: string) => Object.entries(TWILIO_STATUS).filter(([, s]) => s === state).map(([k]) => k).sort();
    expect(by('delivered')).toEqual(['delivered', 'read']);
    expect(by('failed')).toEqual(['canceled', 'failed', 'undelivered']);
    expect(Object.keys(TWILIO_STATUS)).toHaveLength(13);
  });

  it('explains every code in every language', () => {
    expectTranslated([...Object.values(TWILIO_CODES), ...Object.values(TWILIO_DELIVERY_ERRORS)].map((e) => e.key));
  });

  it('tells a Messaging Service from a number', () => {
    expect(isMessagingService(`MG${'a'.repeat(32)}`)).toBe(true);
    expect(isMessagingService('+15005550006')).toBe(false);
    expect(isMessagingService('MGshort')).toBe(false);
  });
});

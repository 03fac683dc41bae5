// RuleDelivery over the compose service (issue 5): the rule's template rendered by compose for each
// contact, through the same pre-send check as the composer, queued with origin `rule`, the rule's id
// and an idempotency key per (rule, contact, occurrence). Contacts the check refuses (opted out, an
// invalid number …) are left out and recorded with the reason; warnings (quiet hours, a repeated
// template …) do not stop an automatic run: the operator chose them when making the rule.
import { checkCodes, type ParsedComposeDraft } from '../../../src-shared/api/compose-schemas';
import { ApiError } from '../../../src-shared/api/errors';
import type { AccountsService } from '../accounts/service';
import type { ComposeService } from '../compose/service';
import type { Templates } from '../compose/templates';
import type { Db } from '../db/client';
import type { RuleDelivery, RenderedForContact } from './delivery';
import type { RuleRecord } from './repository';

export interface ComposeDeliveryDeps {
  db: Db;
  compose: ComposeService;
  templates: Templates;
  accounts: AccountsService;
}

export function createComposeDelivery(d: ComposeDeliveryDeps): RuleDelivery & { assertTemplate(id: number): void; assertAccount(name: string): void } {
  const phones = d.db.prepare<[string], { id: number; phone_e164: string; phone_raw: string }>(
    'select id, phone_e164, phone_raw from contacts where id in (select value from json_each(?))',
  );

  function draftOf(rule: RuleRecord, contactIds: number[], localDate: string): ParsedComposeDraft {
    const template = d.templates.get(rule.templateId);
    return {
      recipients: { contactIds },
      text: template.body,
      templateId: template.id,
      purpose: template.purpose,
      // The composer's switches, as the rule says (the sender tag and the signature from the settings).
      usePrefix: rule.usePrefix,
      useSuffix: rule.useSuffix,
      // {date} in a reminder is the day it is about.
      variables: { date: localDate },
      ...(rule.account ? { account: rule.account } : {}),
    };
  }

  return {
    async render(rule, contactIds, localDate): Promise<RenderedForContact[]> {
      if (contactIds.length === 0) return [];
      const { samples } = d.compose.preview(draftOf(rule, contactIds, localDate), contactIds.length);
      return samples.filter((s) => s.contactId !== null).map((s) => ({
        contactId: s.contactId!, name: s.name ?? '', to: s.to, text: s.text, segments: s.segments, encoding: s.encoding,
      }));
    },
    enqueue(rule, contactIds, localDate, keyFor) {
      const result = d.compose.send(draftOf(rule, contactIds, localDate), {
        origin: 'rule',
        ruleId: rule.id,
        leaveOut: true,
        acknowledged: [...checkCodes],
        idempotencyKeyFor: (r) => (r.contactId !== null ? keyFor(r.contactId) : keyFor(-1)),
      });
      const rows = phones.all(JSON.stringify(contactIds));
      const byPhone = new Map<string, number>();
      for (const r of rows) {
        byPhone.set(r.phone_e164, r.id);
        byPhone.set(r.phone_raw, r.id);
      }
      const queued = result.messages.flatMap((m) => (byPhone.has(m.to) ? [{ contactId: byPhone.get(m.to)!, messageId: m.id }] : []));
      const done = new Set(queued.map((q) => q.contactId));
      const reasons = new Map<number, string>();
      for (const r of result.rejected) {
        const id = byPhone.get(r.to);
        if (id !== undefined && !reasons.has(id)) reasons.set(id, r.code);
      }
      const skipped = contactIds.filter((id) => !done.has(id)).map((contactId) => ({ contactId, reason: reasons.get(contactId) ?? 'left_out' }));
      return { queued, skipped };
    },
    assertTemplate(id) {
      d.templates.get(id);
    },
    assertAccount(name) {
      if (!d.accounts.byName(name)) throw new ApiError('validation', 'rules.errors.accountNotFound', { name: name.slice(0, 100) }, [{ path: 'account', key: 'rules.errors.accountNotFound' }]);
    },
  };
}

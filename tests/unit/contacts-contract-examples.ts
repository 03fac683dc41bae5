// Inputs that fit (or nearly fit) each contacts method, for the contract fuzz in contract.test.ts.
import type { contactsContract } from '../../src-shared/api/contacts-schemas';

const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

export const contactsExamples: Record<keyof typeof contactsContract, Record<string, unknown>[]> = {
  'contacts.list': [{}, { filter: { search: '5678', optOut: 'exclude', birthday: { from: '12-20', to: '01-10' } }, limit: 5 }, { cursor: 'garbage' }, { filter: { dates: [{ field: 'vehicle.inspectionDue', range: { kind: 'absolute', from: '2027-03', to: '2027-03' } }] } }],
  'contacts.ids': [{}, { filter: { categoryIds: [1] } }],
  'contacts.get': [{ id: 1 }, { id: 99_999 }],
  'contacts.create': [{ name: '王小明', phone: '0912345678' }, { name: '田中', phone: '0312345678', region: 'JP' }, { name: 'x', phone: '12' }, { name: '林', phone: '0912 345 679', fields: { nope: '1' } }],
  'contacts.update': [{ id: 1, notes: 'n' }, { id: 99_999, name: 'y' }],
  'contacts.delete': [{ target: { ids: [1] } }, { target: { filter: { search: 'zz' } } }],
  'contacts.undoDelete': [{ undoToken: 'nope' }],
  'contacts.bulkCategory': [{ target: { ids: [1] }, categoryId: 1, action: 'add' }, { target: { filter: {} }, categoryId: 99, action: 'remove' }],
  'contacts.categories.list': [{}],
  'contacts.categories.create': [{ name: 'VIP', colour: '#ff0000' }, { name: 'VIP' }],
  'contacts.categories.update': [{ id: 1, name: '常客' }, { id: 999 }],
  'contacts.categories.delete': [{ id: 999 }],
  'contacts.fields.list': [{}],
  'contacts.fields.create': [{ key: 'memberNo', label: '卡號', type: 'text' }, { key: 'plate', label: 'x', type: 'text' }],
  'contacts.fields.update': [{ key: 'memberNo', label: 'y' }, { key: 'nope', label: 'z' }],
  'contacts.fields.delete': [{ key: 'nope' }],
  'contacts.fields.presets': [{ preset: 'vehicle', enabled: true }, { preset: 'club', enabled: false }],
  'contacts.savedFilters.list': [{}],
  'contacts.savedFilters.save': [{ name: '生日', filter: { birthday: { from: '03-01', to: '03-31' } } }],
  'contacts.savedFilters.delete': [{ id: 999 }],
  'contacts.import.preview': [{ fileBase64: csv('姓名,手機\n王,0912345678\n'), fileName: 'a.csv' }, { fileBase64: '!!!', fileName: 'b.xlsx' }],
  'contacts.import.run': [{ fileBase64: csv('姓名,手機\n王,0912345678\n'), fileName: 'a.csv', mapping: ['name', 'phone'] }, { fileBase64: csv('a\n'), fileName: 'a.csv', mapping: [] }],
  'contacts.import.status': [{ importId: 'nope' }],
  'contacts.import.cancel': [{ importId: 'nope' }],
  'contacts.import.rejectedCsv': [{ importId: 'nope' }],
  'contacts.export': [{}, { format: 'xlsx', filter: { search: '王' } }],
};

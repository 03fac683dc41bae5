import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src-shared/i18n';
import { buildTrayMenu, createTrayController, trayIconState, trayMenuTemplate, trayToolTip, type TrayActions } from '../../../src-main/electron/tray';
import type { SchedulerStatus } from '../../../src-shared/api/scheduler-schemas';
import { FakeTray, createFakeElectron, type FakeMenu } from './fake-electron';
import { createFakeCore, flush } from './fake-core';

function translator(language: 'zh-TW' | 'en' | 'zh-CN' | 'ja') {
  const i18n = createI18n(language);
  return (key: string, params?: Record<string, string | number>) => i18n.t(key, params ?? {});
}

function recordingActions() {
  const log: string[] = [];
  const actions: TrayActions = {
    open: () => log.push('open'),
    quit: () => log.push('quit'),
    setPaused: (paused) => log.push(`setPaused(${paused})`),
  };
  return { log, actions };
}

describe('tray menu template', () => {
  it('has Open, the next scheduled time, Pause sending and Quit, in that order, in English', () => {
    const { actions } = recordingActions();
    const items = trayMenuTemplate({ paused: false }, actions, translator('en'));
    expect(items.map((i) => i.type ?? i.id)).toEqual(['open', 'separator', 'next', 'pause', 'separator', 'quit']);
    expect(items.filter((i) => i.label).map((i) => i.label)).toEqual(['Open smsdesk', 'Nothing scheduled', 'Pause sending', 'Quit smsdesk']);
    expect(items.find((i) => i.id === 'next')?.enabled).toBe(false);
  });

  it('offers Compose when the host can open the composer, and shows the next scheduled time', () => {
    const { actions, log } = recordingActions();
    const items = trayMenuTemplate({ paused: false, nextDueText: '2026/06/01 10:30' }, { ...actions, compose: () => log.push('compose') }, translator('en'));
    expect(items.map((i) => i.type ?? i.id)).toEqual(['open', 'compose', 'separator', 'next', 'pause', 'separator', 'quit']);
    expect(items.find((i) => i.id === 'next')?.label).toBe('Next: 2026/06/01 10:30');
    items.find((i) => i.id === 'compose')?.click?.();
    expect(log).toEqual(['compose']);
  });

  it('is in Traditional Chinese by default', () => {
    const { actions } = recordingActions();
    const labels = trayMenuTemplate({ paused: false }, actions, translator('zh-TW')).flatMap((i) => (i.label ? [i.label] : []));
    expect(labels).toEqual(['開啟 smsdesk', '沒有預約的簡訊', '暫停發送', '結束 smsdesk']);
  });

  it('offers Resume sending while paused', () => {
    const { actions, log } = recordingActions();
    const items = trayMenuTemplate({ paused: true }, actions, translator('en'));
    const resume = items.find((i) => i.id === 'resume');
    expect(resume?.label).toBe('Resume sending');
    expect(items.some((i) => i.id === 'pause')).toBe(false);
    resume?.click?.();
    expect(log).toEqual(['setPaused(false)']);
  });

  it('wires Open, Pause and Quit to their actions', () => {
    const { actions, log } = recordingActions();
    const items = trayMenuTemplate({ paused: false }, actions, translator('en'));
    for (const id of ['open', 'pause', 'quit']) items.find((i) => i.id === id)?.click?.();
    expect(log).toEqual(['open', 'setPaused(true)', 'quit']);
  });

  it('greys out the pause item while the status is not known yet', () => {
    const { actions } = recordingActions();
    const pause = trayMenuTemplate({ paused: null }, actions, translator('en')).find((i) => i.id === 'pause');
    expect(pause).toMatchObject({ label: 'Pause sending', enabled: false });
    expect(pause?.click).toBeUndefined();
  });

  it('is built through Menu.buildFromTemplate', () => {
    const electron = createFakeElectron();
    const menu = buildTrayMenu(electron, { paused: false }, recordingActions().actions, translator('ja')) as FakeMenu;
    expect(menu.item('pause').label).toBe('送信を一時停止');
  });

  it('says in the tooltip when sending is paused', () => {
    const t = translator('en');
    expect(trayToolTip({ paused: false }, t)).toBe('smsdesk: running');
    expect(trayToolTip({ paused: true }, t)).toBe('smsdesk: sending paused');
  });
});

function controller(core = createFakeCore()) {
  const electron = createFakeElectron();
  const i18n = createI18n('zh-TW');
  const log: string[] = [];
  const errors: unknown[] = [];
  const ctl = createTrayController(electron, {
    core,
    i18n: { t: (key, params) => i18n.t(key, params ?? {}), changeLanguage: (lang) => i18n.changeLanguage(lang) },
    icons: { normal: '/icons/tray.png', paused: '/icons/tray-paused.png' },
    open: () => log.push('open'),
    quit: () => log.push('quit'),
    onError: (err) => errors.push(err),
  });
  const tray = FakeTray.instances[0]!;
  const menu = () => tray.menu as FakeMenu;
  return { core, ctl, tray, menu, log, errors };
}

describe('tray controller', () => {
  it('reads the dispatcher status and the language, then shows the menu', async () => {
    const { tray, menu, core } = controller(createFakeCore({ paused: false, language: 'en' }));
    expect(menu().item('pause').enabled).toBe(false);
    await flush();
    expect(core.calls.map((c) => c.method).sort()).toEqual(['app.info', 'dispatcher.status', 'scheduler.status']);
    expect(menu().item('pause')).toMatchObject({ label: 'Pause sending' });
    expect(menu().item('pause').enabled).not.toBe(false);
    expect(tray.toolTip).toBe('smsdesk: running');
    expect(tray.image).toBe('/icons/tray.png');
  });

  it('pauses through dispatcher.setPaused, then offers Resume', async () => {
    const { menu, core, tray } = controller(createFakeCore({ paused: false, language: 'en' }));
    await flush();
    menu().item('pause').click?.();
    await flush();
    expect(core.calls).toContainEqual({ method: 'dispatcher.setPaused', input: { paused: true } });
    expect(core.paused).toBe(true);
    expect(menu().item('resume').label).toBe('Resume sending');
    expect(tray.toolTip).toBe('smsdesk: sending paused');
    expect(tray.image).toBe('/icons/tray-paused.png');

    menu().item('resume').click?.();
    await flush();
    expect(core.calls).toContainEqual({ method: 'dispatcher.setPaused', input: { paused: false } });
    expect(core.paused).toBe(false);
    expect(menu().item('pause').label).toBe('Pause sending');
  });

  it('follows a pause made elsewhere (window, CLI) on dispatcher.changed', async () => {
    const { menu, core } = controller(createFakeCore({ paused: false, language: 'en' }));
    await flush();
    core.paused = true;
    core.emit({ type: 'dispatcher.changed' });
    await flush();
    expect(menu().item('resume').label).toBe('Resume sending');
  });

  it('changes language on settings.changed', async () => {
    const { menu, core } = controller(createFakeCore({ language: 'zh-TW' }));
    await flush();
    expect(menu().item('open').label).toBe('開啟 smsdesk');
    core.language = 'ja';
    core.emit({ type: 'settings.changed', keys: ['ui.language'] });
    await flush();
    expect(menu().item('open').label).toBe('smsdesk を開く');
    expect(menu().item('quit').label).toBe('smsdesk を終了');
  });

  it('opens the window from the menu and from a click on the icon; quits from the menu', async () => {
    const { menu, tray, log } = controller();
    await flush();
    menu().item('open').click?.();
    tray.emitRaw('click');
    tray.emitRaw('double-click');
    menu().item('quit').click?.();
    expect(log).toEqual(['open', 'open', 'open', 'quit']);
  });

  it('reports a failed status query and keeps a usable menu', async () => {
    const core = createFakeCore();
    const failing = { ...core, call: async () => { throw new Error('database is locked'); } };
    const { menu, errors } = controller(failing);
    await flush();
    expect(errors.length).toBeGreaterThan(0);
    expect(menu().item('open').label).toBe('開啟 smsdesk');
    expect(menu().item('quit').label).toBe('結束 smsdesk');
  });

  it('stops listening and removes the icon on destroy', async () => {
    const { ctl, core, tray } = controller();
    await flush();
    expect(core.listenerCount()).toBe(1);
    ctl.destroy();
    expect(core.listenerCount()).toBe(0);
    expect(tray.destroyed).toBe(true);
  });
});

function summary(state: SchedulerStatus['state'], extra: Partial<SchedulerStatus> = {}): SchedulerStatus {
  return {
    state, paused: state === 'paused', queued: 3, scheduled: 2, nextDueAt: '2026-06-01T02:30:00.000Z',
    attention: { failed: 0, missed: 0, unknown: 0, lowBalance: [], pausedAccounts: [] },
    ...extra,
  };
}

describe('tray states (scheduler.status)', () => {
  function withIcons() {
    const core = createFakeCore({ language: 'en' });
    const electron = createFakeElectron();
    const i18n = createI18n('en');
    createTrayController(electron, {
      core,
      i18n: { t: (key, params) => i18n.t(key, params ?? {}), changeLanguage: (lang) => i18n.changeLanguage(lang) },
      icons: { normal: 'idle.png', paused: 'paused.png', sending: 'sending.png', attention: 'attention.png' },
      open: () => {},
      quit: () => {},
    });
    return { core, tray: FakeTray.instances[0]! };
  }

  it.each([
    ['idle', 'idle.png'],
    ['sending', 'sending.png'],
    ['paused', 'paused.png'],
    ['attention', 'attention.png'],
  ] as const)('%s shows %s', async (state, icon) => {
    const { core, tray } = withIcons();
    await flush();
    core.emit({ type: 'scheduler.status', status: summary(state) });
    expect(tray.image).toBe(icon);
  });

  it('the tooltip has the state, the queued and scheduled counts, the next time (shop zone) and what needs attention', async () => {
    const { core, tray } = withIcons();
    await flush();
    core.emit({ type: 'scheduler.status', status: summary('attention', { attention: { failed: 2, missed: 1, unknown: 0, lowBalance: ['twsms'], pausedAccounts: [] } }) });
    expect(tray.toolTip.split('\n')).toEqual([
      'smsdesk: running',
      'Needs attention · 3 waiting · 2 scheduled',
      'Next: 06/01/2026, 10:30',
      '1 missed',
      '2 failed',
      'Low balance: twsms',
    ]);
    expect((tray.menu as FakeMenu).item('next').label).toBe('Next: 06/01/2026, 10:30');
  });

  it('the tooltip counts missed reminder-rule runs too', async () => {
    const { core, tray } = withIcons();
    await flush();
    core.emit({ type: 'scheduler.status', status: summary('attention', { attention: { failed: 0, missed: 0, unknown: 0, lowBalance: [], pausedAccounts: [], missedRuns: 2 } }) });
    expect(tray.image).toBe('attention.png');
    expect(tray.toolTip.split('\n')).toContain('Missed reminder runs: 2');
  });

  it('reads the summary at start when the core has it', async () => {
    const core = createFakeCore({ language: 'en', schedulerStatus: summary('sending') });
    const electron = createFakeElectron();
    const i18n = createI18n('en');
    createTrayController(electron, {
      core, i18n: { t: (key, params) => i18n.t(key, params ?? {}), changeLanguage: (lang) => i18n.changeLanguage(lang) },
      icons: { normal: 'idle.png', paused: 'paused.png', sending: 'sending.png' }, open: () => {}, quit: () => {},
    });
    await flush();
    await flush();
    expect(FakeTray.instances[0]!.image).toBe('sending.png');
  });

  it('trayIconState falls back to the pause setting before the summary arrives', () => {
    expect(trayIconState({ paused: true })).toBe('paused');
    expect(trayIconState({ paused: false })).toBe('idle');
    expect(trayIconState({ paused: false, status: summary('attention') })).toBe('attention');
  });
});

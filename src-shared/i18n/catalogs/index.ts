// All message areas. Each area file holds every language side by side; a unit test checks that
// no language lacks a key or a placeholder of another.
import type { Catalog } from '../catalog';
import errors from './errors';
import common from './common';
import cli from './cli';
import web from './web';
import tray from './tray';
import shell from './shell';
import compose from './compose';
import log from './log';
import settings from './settings';
import sending from './sending';
import providers from './providers';
import accounts from './accounts';
import contacts from './contacts';
import contactsUi from './contacts-ui';
import data from './data';
import composeUi from './compose-ui';
import templatesUi from './templates-ui';
import composeCore from './compose-core';
import rules from './rules';
import scheduler from './scheduler';
import integration from './integration';
import reports from './reports';
import logRoom from './log-room';

export const catalogs: Record<string, Catalog> = {
  errors,
  common,
  cli,
  web,
  tray,
  shell,
  compose,
  log,
  settings,
  sending,
  providers,
  accounts,
  contacts,
  contactsUi,
  data,
  composeUi,
  templatesUi,
  composeCore,
  rules,
  scheduler,
  integration,
  reports,
  logRoom,
};

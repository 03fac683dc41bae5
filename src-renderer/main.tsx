// Start-up: drop the one-time token from the address bar, pick the transport, render.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createI18n } from '../src-shared/i18n';
import { connect } from './transport';
import { stripTokenFromAddress } from './transport/token';
import { rememberedLanguage } from './app/locale';
import { Root } from './app/Root';
import './app/global.css';

stripTokenFromAddress();
const connection = connect();
const i18n = createI18n(rememberedLanguage());

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root connection={connection} i18n={i18n} />
  </StrictMode>,
);

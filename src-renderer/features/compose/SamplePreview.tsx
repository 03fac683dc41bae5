// The live sample (短信通's 发送样例): the message as each of the first few recipients will get it,
// placeholders filled, prefix and suffix added. Without recipients the text is shown as typed.
import { useState } from 'react';
import { Segmented, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RenderedSample } from '../../../src-shared/api/compose-schemas';
import { PhonePreview } from './PhonePreview';

interface Props {
  text: string;
  samples: readonly RenderedSample[];
}

export function SamplePreview({ text, samples: all }: Props) {
  const { t } = useTranslation();
  // Without recipients the core renders one nameless sample (prefix, suffix and shop fields filled).
  const samples = text.trim() ? all.filter((s) => s.to !== '') : [];
  const generic = all.find((s) => s.to === '');
  const [chosen, setChosen] = useState(0);
  const index = Math.min(chosen, Math.max(0, samples.length - 1));
  const shown = samples[index];
  return (
    <div className="sample-preview">
      {samples.length > 1 && (
        <Segmented
          size="small"
          className="sample-switch"
          value={index}
          onChange={(v) => setChosen(Number(v))}
          options={samples.map((s, i) => ({ value: i, label: s.name ?? s.to }))}
          aria-label={t('composeUi.sample.choose')}
        />
      )}
      <PhonePreview text={shown ? shown.text : text && generic ? generic.text : text} />
      {samples.length > 0 && (
        <ul className="sample-list" aria-label={t('composeUi.sample.title')}>
          {samples.map((s, i) => (
            <li key={`${s.to}-${i}`} className="sample-item" data-testid="compose-sample">
              <Typography.Text type="secondary" className="sample-to">
                {s.name ? `${s.name} · ` : ''}
                {s.to}
              </Typography.Text>
              <span className="sample-text">{s.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// A keyboard shortcut as people see it on their keys: [Ctrl] + [Enter] Send.
import { Fragment } from 'react';

export function KeyHint({ keys, label }: { keys: string[]; label: string }) {
  return (
    <span className="key-hint">
      {keys.map((k, i) => (
        <Fragment key={k}>
          {i > 0 && <span className="key-plus">+</span>}
          <kbd>{k}</kbd>
        </Fragment>
      ))}
      <span className="key-label">{label}</span>
    </span>
  );
}

import { Dialog } from '../app/Dialog';
import '../contacts/contacts.css';
import { SHORTCUT_GROUPS } from './shortcutList';

interface Props {
  onClose: () => void;
}

/** Lists every keyboard shortcut of the app, grouped by where it works. */
export function ShortcutsDialog({ onClose }: Props) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      {SHORTCUT_GROUPS.map((group) => (
        <section key={group.title} className="shortcut-group" aria-label={group.title}>
          <h3>{group.title}</h3>
          <dl className="shortcut-list">
            {group.shortcuts.map((shortcut) => (
              <div key={`${group.title}-${shortcut.action}`} style={{ display: 'contents' }}>
                <dt>
                  {shortcut.keys.map((combination, index) => (
                    <span key={combination.join('+')}>
                      {index > 0 ? ' or ' : ''}
                      {combination.map((key, keyIndex) => (
                        <span key={key}>
                          {keyIndex > 0 ? '+' : ''}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </span>
                  ))}
                </dt>
                <dd>{shortcut.action}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

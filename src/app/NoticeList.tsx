import { dismissNotice, useNotices } from './notices';

export function NoticeList() {
  const notices = useNotices();
  if (!notices.length) return null;

  return (
    <div className="notices">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          // The row count owns role="status"; info notices are announced without taking that role.
          {...(notice.kind === 'error' ? { role: 'alert' } : { 'aria-live': 'polite' as const })}
        >
          <span>{notice.text}</span>
          {notice.action ? (
            <button
              type="button"
              onClick={() => {
                dismissNotice(notice.id);
                notice.action?.run();
              }}
            >
              {notice.action.label}
            </button>
          ) : null}
          <button type="button" onClick={() => dismissNotice(notice.id)} aria-label="Dismiss message">
            ×
          </button>
        </div>
      ))}
    </div>
  );
}

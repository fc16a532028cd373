// Placeholder with the Booker's shape while the scheduling widget and its times load.
export function BookerSkeleton() {
  return (
    <div className="booker-skeleton" role="status" aria-live="polite">
      <span className="visually-hidden">Loading available times…</span>
      <div className="skeleton-column" aria-hidden="true">
        <div className="skeleton-line skeleton-line--wide" />
        <div className="skeleton-line" />
        <div className="skeleton-line skeleton-line--short" />
      </div>
      <div className="skeleton-calendar" aria-hidden="true">
        {Array.from({ length: 35 }, (_, day) => `day-${day}`).map((key) => (
          <div key={key} className="skeleton-day" />
        ))}
      </div>
    </div>
  );
}

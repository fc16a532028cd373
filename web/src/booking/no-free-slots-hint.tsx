// Shown when the Booker loaded times for the visible range and there are none.
export function NoFreeSlotsHint({ hostName }: { hostName: string }) {
  return (
    <div className="notice notice--info" role="status">
      <p className="notice-title">No free times in this range</p>
      <p>
        {hostName} has no open times in the dates shown. Try the next month with the arrow beside the month name, or
        come back later: new times open up regularly.
      </p>
    </div>
  );
}
